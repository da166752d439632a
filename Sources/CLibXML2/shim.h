#ifndef SLOTMATCH_CLIBXML2_SHIM_H
#define SLOTMATCH_CLIBXML2_SHIM_H
/* Debian's libxml2 is built with ICU; its <unicode/ucnv.h> clashes with Foundation's own ICU
   copy (UErrorCode defined twice). Read the version header first and switch ICU off. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>
#endif
