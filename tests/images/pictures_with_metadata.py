"""Picture files as photo agencies and phones write them: IPTC (a Photoshop APP13 block), XMP
and EXIF GPS, in JPEG, PNG, WebP and GIF. Pillow writes the EXIF and XMP where it can; the
rest (IPTC, Photoshop resources, PNG text chunks, GIF's XMP extension) is built here by hand."""

import io
import struct

from PIL import Image as PILImage, PngImagePlugin

XMP = """<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:Iptc4xmpCore="http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/"
 photoshop:Credit="Kestrel Films">
<dc:creator><rdf:Seq><rdf:li>Lio Brand</rdf:li></rdf:Seq></dc:creator>
<dc:description><rdf:Alt><rdf:li xml:lang="x-default">Ada Varga on the pier at dawn.</rdf:li></rdf:Alt></dc:description>
<Iptc4xmpCore:AltTextAccessibility><rdf:Alt><rdf:li xml:lang="x-default">A woman in a coat on a wooden pier</rdf:li></rdf:Alt></Iptc4xmpCore:AltTextAccessibility>
</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>"""


# The same packet as a phone's photo app leaves it: where it was taken, as attributes and as an element.
GPS_XMP = XMP.replace(
    ' photoshop:Credit="Kestrel Films">',
    ' xmlns:exif="http://ns.adobe.com/exif/1.0/" photoshop:Credit="Kestrel Films"\n'
    ' exif:GPSLatitude="48,51.4N" exif:GPSLongitude="2,21.05E">\n'
    '<exif:GPSAltitude>35/1</exif:GPSAltitude><exif:GPSVersionID/>')
GIF_XMP_TRAILER = b"\x01" + bytes(range(255, -1, -1)) + b"\x00"


def exif_block(gps: bool) -> bytes:
    exif = PILImage.Exif()
    exif[0x010F] = "Phone maker"  # Make: kept
    if gps:
        exif[0x8825] = {1: "N", 2: (48.0, 51.0, 24.0), 3: "E", 4: (2.0, 21.0, 3.0)}
    return exif.tobytes()


def picture(size=(320, 200)) -> PILImage.Image:
    return PILImage.new("RGB", size, (40, 90, 140))


def png(*, gps: bool = True, exif_as: str = "eXIf", xmp_as: str = "iTXt", size=(320, 200)) -> bytes:
    """A PNG with EXIF in an eXIf chunk or ImageMagick's hex "Raw profile type exif" text, and
    XMP in an iTXt, zTXt or tEXt chunk."""
    info = PngImagePlugin.PngInfo()
    options = {}
    if exif_as == "eXIf":
        options["exif"] = exif_block(gps)
    else:
        digits = exif_block(gps).hex()
        lines = "\n".join(digits[i:i + 72] for i in range(0, len(digits), 72))
        info.add_text("Raw profile type exif", f"\nexif\n{len(digits) // 2:8d}\n{lines}\n")
    packet = GPS_XMP if gps else XMP
    if xmp_as == "iTXt":
        info.add_itxt("XML:com.adobe.xmp", packet)
    else:
        info.add_text("XML:com.adobe.xmp", packet, zip=xmp_as == "zTXt")
    buffer = io.BytesIO()
    picture(size).save(buffer, "PNG", pnginfo=info, **options)
    return buffer.getvalue()


def webp(*, gps: bool = True, size=(320, 200)) -> bytes:
    buffer = io.BytesIO()
    picture(size).save(buffer, "WEBP", quality=90, exif=exif_block(gps), xmp=(GPS_XMP if gps else XMP).encode())
    return buffer.getvalue()


def gif(*, gps: bool = True, size=(320, 200)) -> bytes:
    """A GIF with an XMP application extension (the XMP specification's layout) before its trailer."""
    buffer = io.BytesIO()
    picture(size).save(buffer, "GIF")
    data = buffer.getvalue()
    extension = b"!\xff\x0bXMP DataXMP" + (GPS_XMP if gps else XMP).encode() + GIF_XMP_TRAILER
    return data[:-1] + extension + data[-1:]


def jpeg_with_photoshop_copies(*, gps: bool = True, size=(320, 200)) -> bytes:
    """A JPEG whose Photoshop block holds IPTC and copies of the EXIF (1058) and XMP (1060)."""
    resources = _resource(0x0404, _iim(credit="Kestrel Films", byline="Lio Brand"))
    resources += _resource(0x0422, exif_block(gps)[6:]) + _resource(0x0424, (GPS_XMP if gps else XMP).encode())
    payload = b"Photoshop 3.0\x00" + resources
    buffer = io.BytesIO()
    picture(size).save(buffer, "JPEG", quality=90)
    data = buffer.getvalue()
    return data[:2] + b"\xff\xed" + struct.pack(">H", len(payload) + 2) + payload + data[2:]


def _iim(**datasets: str) -> bytes:
    numbers = {"credit": 110, "byline": 80, "caption": 120}
    return b"".join(b"\x1c\x02" + bytes([numbers[name]]) + struct.pack(">H", len(value.encode())) + value.encode()
                    for name, value in datasets.items())


def _resource(number: int, data: bytes) -> bytes:
    return b"8BIM" + struct.pack(">H", number) + b"\x00\x00" + struct.pack(">I", len(data)) + data + b"\x00" * (len(data) % 2)


def iptc_block(**datasets: str) -> bytes:
    numbers = {"credit": 110, "byline": 80, "caption": 120}
    iim = b"".join(b"\x1c\x02" + bytes([numbers[name]]) + struct.pack(">H", len(value.encode())) + value.encode()
                   for name, value in datasets.items())
    if len(iim) % 2:
        iim += b"\x00"
    resource = b"8BIM" + struct.pack(">H", 0x0404) + b"\x00\x00" + struct.pack(">I", len(iim)) + iim
    payload = b"Photoshop 3.0\x00" + resource
    return b"\xff\xed" + struct.pack(">H", len(payload) + 2) + payload


def jpeg(*, iptc: dict | None = None, xmp: bool = False, gps: bool = False, size=(320, 200)) -> bytes:
    """A JPEG with EXIF (GPS when `gps`), XMP when `xmp` (with GPS when both) and IPTC when given."""
    options = {"exif": exif_block(gps)}
    if xmp:
        options["xmp"] = (GPS_XMP if gps else XMP).encode()
    buffer = io.BytesIO()
    picture(size).save(buffer, "JPEG", quality=90, **options)
    data = buffer.getvalue()
    if iptc:
        data = data[:2] + iptc_block(**iptc) + data[2:]
    return data
