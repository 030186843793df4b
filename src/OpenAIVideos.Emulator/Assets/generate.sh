#!/bin/sh
# Regenerates the emulator's downloadable assets: for each supported size a 4 s, 1 fps H.264 MP4 of a solid
# colour, a WebP thumbnail of the same size, and a JPEG spritesheet (a 2x2 grid of frames at a quarter of the
# video's width and height each, so the sheet is half the video's width and height). Solid colours keep each
# file small; the files are embedded into the emulator assembly. Requires ffmpeg with libx264 and libwebp.
set -eu
cd "$(dirname "$0")"
for size in 720x1280 1280x720 1024x1792 1792x1024 1920x1080 1080x1920; do
  w=${size%x*}; h=${size#*x}
  ffmpeg -v error -y -f lavfi -i "color=c=0x3a6ea5:s=${size}:r=1:d=4" \
    -c:v libx264 -preset veryslow -crf 51 -pix_fmt yuv420p -g 4 -movflags +faststart \
    -map_metadata -1 -fflags +bitexact -flags:v +bitexact "video-${size}.mp4"
  ffmpeg -v error -y -f lavfi -i "color=c=0x3a6ea5:s=${size}" -frames:v 1 \
    -c:v libwebp -quality 10 "thumbnail-${size}.webp"
  ffmpeg -v error -y -f lavfi -i "color=c=0x3a6ea5:s=$((w / 4))x$((h / 4)):r=1:d=4" \
    -vf "tile=2x2" -frames:v 1 -q:v 31 "spritesheet-${size}.jpg"
done
