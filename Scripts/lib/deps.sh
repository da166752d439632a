# Shared by Scripts/demo and Scripts/test (sourced, not run): makes sure the two system libraries
# SlotMatch links against are installed, installing them when running as root on Debian/Ubuntu.

SLOTMATCH_SYSTEM_PACKAGES=(libsqlite3-dev libxml2-dev)

slotmatch_missing_packages() {
    local missing=() pkg
    for pkg in "${SLOTMATCH_SYSTEM_PACKAGES[@]}"; do
        if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
            missing+=("$pkg")
        fi
    done
    echo "${missing[@]:-}"
}

slotmatch_ensure_dependencies() {
    local missing
    missing="$(slotmatch_missing_packages)"
    if [[ -z "$missing" ]]; then
        return 0
    fi
    if [[ "$(id -u)" -eq 0 ]]; then
        echo "Installing missing system packages: $missing" >&2
        apt-get update
        # shellcheck disable=SC2086
        DEBIAN_FRONTEND=noninteractive apt-get install -y $missing
    else
        echo "SlotMatch needs these system packages, which are not installed: $missing" >&2
        echo "Install them as root, then run this script again:" >&2
        echo "    sudo apt-get update && sudo apt-get install -y $missing" >&2
        exit 1
    fi
}
