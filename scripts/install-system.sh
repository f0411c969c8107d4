#!/usr/bin/env bash
# Installs the system packages storymaker needs (Debian/Ubuntu), only if something is missing.
#   usage: scripts/install-system.sh [--browser]    (--browser adds Chromium, for the tests)
set -euo pipefail
packages=(espeak-ng ffmpeg fonts-open-sans fonts-dejavu-core)
if [ "${1:-}" = "--browser" ]; then
  packages+=(chromium poppler-utils)  # tests: browser, PDF pages
  # the Nu Html Checker needs Java and npm: only from Debian when the machine has none of its own
  # (Debian's npm conflicts with a Node.js installed from elsewhere)
  command -v java >/dev/null || packages+=(default-jre-headless)
  command -v npm >/dev/null || packages+=(npm)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "storymaker needs these system packages: ${missing[*]}" >&2
  echo "Install them as root:  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
if ! command -v apt-get >/dev/null; then
  echo "No apt-get here: install ${missing[*]} with your system's package manager." >&2
  exit 1
fi
echo "Installing system packages: ${missing[*]}"
apt-get update -q
DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
