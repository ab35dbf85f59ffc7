#!/usr/bin/env bash
# Fetch the Leaflet files that geomap/render/html.py inlines into every map (run once; the
# results are committed under geomap/render/assets/). Needs npm and a reachable npm registry.
set -euo pipefail

LEAFLET_VERSION="${LEAFLET_VERSION:-1.9.4}"
here="$(cd "$(dirname "$0")/.." && pwd)"
dest="$here/geomap/render/assets"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

(cd "$tmp" && npm pack --silent "leaflet@$LEAFLET_VERSION" >/dev/null && tar -xzf leaflet-*.tgz)
pkg="$tmp/package"

# Flat layout (package data is "geomap/render/assets/*"); render/inline.py maps the CSS's
# url(images/NAME.png) to data: URIs of these files.
mkdir -p "$dest"
cp "$pkg/dist/leaflet.js" "$pkg/dist/leaflet.css" "$dest/"
for img in layers.png layers-2x.png marker-icon.png; do
    cp "$pkg/dist/images/$img" "$dest/$img"
done
{
    echo "# Third-party assets in geomap/render/assets"
    echo
    echo "Fetched by scripts/fetch_assets.sh from the npm package leaflet@$LEAFLET_VERSION"
    echo "(leaflet.js, leaflet.css, layers.png, layers-2x.png, marker-icon.png; checksums in"
    echo "SHA256SUMS). They are inlined into every HTML map that geomap writes, so each map"
    echo "carries this licence's notice in its source."
    echo
    echo "## Leaflet $LEAFLET_VERSION (BSD-2-Clause)"
    echo
    echo '```'
    cat "$pkg/LICENSE"
    echo '```'
} > "$dest/LICENSES.md"
echo "$LEAFLET_VERSION" > "$dest/LEAFLET_VERSION"
(cd "$dest" && sha256sum leaflet.js leaflet.css *.png > SHA256SUMS)
echo "Leaflet $LEAFLET_VERSION -> $dest"
