"""JPEG files as photo agencies and phones write them: IPTC (a Photoshop APP13 block), XMP
and EXIF GPS, built here byte by byte (Pillow writes XMP and EXIF, not IPTC)."""

import io
import struct

from PIL import Image as PILImage

XMP = """<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:Iptc4xmpCore="http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/"
 photoshop:Credit="Kestrel Films">
<dc:creator><rdf:Seq><rdf:li>Lio Brand</rdf:li></rdf:Seq></dc:creator>
<dc:description><rdf:Alt><rdf:li xml:lang="x-default">Ada Varga on the pier at dawn.</rdf:li></rdf:Alt></dc:description>
<Iptc4xmpCore:AltTextAccessibility><rdf:Alt><rdf:li xml:lang="x-default">A woman in a coat on a wooden pier</rdf:li></rdf:Alt></Iptc4xmpCore:AltTextAccessibility>
</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>"""


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
    picture = PILImage.new("RGB", size, (40, 90, 140))
    options = {}
    exif = PILImage.Exif()
    exif[0x010F] = "Phone maker"  # Make: kept
    if gps:
        exif[0x8825] = {1: "N", 2: (48.0, 51.0, 24.0), 3: "E", 4: (2.0, 21.0, 3.0)}
    options["exif"] = exif.tobytes()
    if xmp:
        options["xmp"] = XMP.encode()
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=90, **options)
    data = buffer.getvalue()
    if iptc:
        data = data[:2] + iptc_block(**iptc) + data[2:]
    return data
