"""Draw the site's favicon.ico (16, 32 and 48 px: a red square with 公 in white, the header's
brand mark) from the CJK font of scripts/system-deps.sh. Run once; the result is committed as
gongkai/static/gongkai/favicon.ico next to the hand-written favicon.svg."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
OUT = Path(__file__).resolve().parents[1] / "gongkai" / "static" / "gongkai" / "favicon.ico"
RED = (164, 22, 26, 255)


def draw(size: int) -> Image.Image:
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    pen.rounded_rectangle((0, 0, size - 1, size - 1), radius=max(2, size // 8), fill=RED)
    font = ImageFont.truetype(FONT, int(size * 0.78))
    pen.text((size / 2, size / 2), "公", font=font, fill="white", anchor="mm")
    return image


if __name__ == "__main__":
    draw(48).save(OUT, sizes=[(16, 16), (32, 32), (48, 48)],
                  append_images=[draw(16), draw(32)])
    print(OUT)
