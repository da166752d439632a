public enum SlotMatchReportPlaceholder {}
