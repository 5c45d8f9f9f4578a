#!/usr/bin/env bash
# Install the Debian packages Gongkai needs beyond Python: a CJK font for PDF output
# (fonts-wqy-microhei) and chromium for the browser tests. Skips what is already there.
set -euo pipefail
need=()
fc-list 2>/dev/null | grep -qi "WenQuanYi Micro Hei" || need+=(fonts-wqy-microhei)
[ -x /usr/bin/chromium ] || need+=(chromium)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ]; then SUDO=""; elif sudo -n true 2>/dev/null; then SUDO="sudo -n"; else
  echo "缺少系统软件包 / missing Debian packages: ${need[*]} (apt-get install them as root)" >&2
  exit 0
fi
if ! command -v apt-get >/dev/null; then
  echo "not a Debian system: please install ${need[*]} yourself" >&2; exit 0
fi
echo "installing Debian packages: ${need[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
