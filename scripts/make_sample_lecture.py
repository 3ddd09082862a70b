"""Write assets/samples/lecture.pdf: the bundled Thai sample lecture (our own text).

It is set with PyMuPDF's Story writer in Sarabun, which gives shaped Thai marks no
ToUnicode entries: opening it exercises the glyph repair on every start. Two pages,
headings with a PDF outline, a running header and page numbers (page furniture the
reader must skip), abbreviations, numbers and English terms.
"""

from __future__ import annotations

import re
from pathlib import Path

import pymupdf

ROOT = Path(__file__).resolve().parent.parent
FONTS = ROOT / "assets" / "fonts"
OUT = ROOT / "assets" / "samples" / "lecture.pdf"
TEXT_WIDTH = 250  # points: narrower than the A5 column, so our breaks come before MuPDF would break
HEADER = "เอกสารประกอบการบรรยาย วิชาการฟังเพื่อการเรียนรู้"

HTML = """
<h1>บทที่ 1 การเรียนรู้ด้วยการฟัง</h1>
<p>การฟังเป็นทักษะพื้นฐานของการเรียนรู้ในระดับมหาวิทยาลัย นักศึกษาที่ฟังอย่างตั้งใจจะจับใจความสำคัญได้เร็วกว่า
และจดจำเนื้อหาได้นานกว่า บทนี้อธิบายหลักการฟังอย่างมีประสิทธิภาพ พร้อมตัวอย่างจากชีวิตจริง</p>
<h2>1.1 ความหมายของการฟังเชิงรุก</h2>
<p>การฟังเชิงรุก (Active Listening) หมายถึงการฟังที่ผู้ฟังคิดตามอยู่ตลอดเวลา ตั้งคำถามกับสิ่งที่ได้ยิน
และสรุปใจความด้วยคำพูดของตนเอง ผู้ฟังไม่ได้รับข้อมูลเพียงอย่างเดียว แต่เชื่อมโยงเนื้อหาใหม่กับความรู้เดิมด้วย</p>
<p>ผลการสำรวจของมหาวิทยาลัยแห่งหนึ่งใน พ.ศ. 2566 พบว่านักศึกษาร้อยละ 68 ใช้การฟังบันทึกการบรรยายซ้ำก่อนสอบ
และใช้เวลาเฉลี่ย 3.5 ชั่วโมงต่อสัปดาห์</p>
<h2>1.2 เทคนิคการฟังให้ได้ผล</h2>
<p>เทคนิคแรกคือการเตรียมตัวก่อนฟัง อ่านหัวข้อของบทเรียนล่วงหน้าเพื่อให้รู้ว่าจะได้ยินเรื่องอะไร
เทคนิคที่สองคือการแบ่งเนื้อหาเป็นช่วงสั้น ๆ แล้วหยุดทบทวนทีละช่วง เทคนิคที่สามคือการปรับความเร็วของเสียงอ่าน
ผู้ฟังที่ชำนาญมักฟังได้เร็วกว่าความเร็วปกติถึงสองเท่า</p>
<p>สำนักงาน ก.พ.ร. แนะนำให้หน่วยงานของรัฐจัดทำเอกสารที่ทุกคนเข้าถึงได้ เช่น เอกสารที่มีหัวข้อชัดเจน
มีข้อความจริงแทนภาพของตัวอักษร และมีคำอธิบายรูปภาพ</p>
<h1>บทที่ 2 การจดบันทึกจากเสียง</h1>
<p>การจดบันทึกช่วยให้ผู้ฟังจัดระเบียบความคิด นักศึกษาที่มองไม่เห็นอาจใช้การบันทึกเสียงสั้น ๆ
หรือพิมพ์ข้อความด้วยแป้นพิมพ์ร่วมกับโปรแกรมอ่านหน้าจอ</p>
<h2>2.1 โครงสร้างของบันทึกที่ดี</h2>
<p>บันทึกที่ดีมีหัวข้อหลัก ใจความสำคัญ และตัวอย่างประกอบ ควรเขียนคำสำคัญภาษาอังกฤษกำกับไว้ด้วย
เช่น ค่าเสียโอกาส (Opportunity Cost) หรืออุปสงค์ (Demand) เพื่อให้ค้นคืนได้ง่ายเมื่อทบทวน</p>
<p>เมื่อจบการบรรยายแต่ละครั้ง ให้ทบทวนบันทึกภายใน 24 ชั่วโมง งานวิจัยหลายชิ้นพบว่าการทบทวนเร็ว
ช่วยให้จำได้มากกว่าการทบทวนครั้งเดียวก่อนสอบ</p>
"""

CSS = """
@font-face {font-family: sarabun; src: url(Sarabun-Regular.ttf);}
@font-face {font-family: sarabun; src: url(Sarabun-Bold.ttf); font-weight: bold;}
* {font-family: sarabun; font-size: 15px; line-height: 1.5;}
h1 {font-size: 22px; font-weight: bold;}
h2 {font-size: 18px; font-weight: bold;}
"""


def wrapped(html: str) -> str:
    """Break each paragraph into lines at Thai word boundaries, as word processors do.

    MuPDF's HTML layout only breaks lines at spaces, so a long Thai run would run off the
    page; we measure the words (PyThaiNLP) with the font itself and put the breaks in.
    """
    from pythainlp.tokenize import word_tokenize

    font, size = pymupdf.Font(fontfile=str(FONTS / "Sarabun-Regular.ttf")), 15

    def lines(match: re.Match[str]) -> str:
        tag, text = match.group(1), " ".join(match.group(2).split())
        out, line = [], ""
        for word in word_tokenize(text, engine="nlpo3"):
            if line and font.text_length(line + word, fontsize=size) > TEXT_WIDTH:
                out.append(line.rstrip())
                line = word.lstrip()
            else:
                line += word
        out.append(line)
        return f"<{tag}>" + "<br/>".join(out) + f"</{tag}>"

    return re.sub(r"<(p)>(.*?)</\1>", lines, html, flags=re.S)  # headings are short enough


def main() -> None:
    archive = pymupdf.Archive(str(FONTS))
    story = pymupdf.Story(wrapped(HTML), user_css=CSS, archive=archive)
    writer = pymupdf.DocumentWriter(str(OUT))
    mediabox = pymupdf.paper_rect("a5")
    where = pymupdf.Rect(50, 60, mediabox.width - 50, mediabox.height - 60)
    more = True
    while more:
        device = writer.begin_page(mediabox)
        more, _ = story.place(where)
        story.draw(device)
        writer.end_page()
    writer.close()
    doc = pymupdf.open(OUT)
    font = pymupdf.Font(fontfile=str(FONTS / "Sarabun-Regular.ttf"))
    for page in doc:
        page.insert_font(fontname="sarabun", fontbuffer=font.buffer)
        page.insert_text((50, 36), HEADER, fontname="sarabun", fontsize=8)
        page.insert_text((mediabox.width - 80, mediabox.height - 28), f"หน้า {page.number + 1}",
                         fontname="sarabun", fontsize=8)
    doc.set_toc([[1, "บทที่ 1 การเรียนรู้ด้วยการฟัง", 1], [1, "บทที่ 2 การจดบันทึกจากเสียง", 2]])
    doc.set_metadata({"title": "การฟังเพื่อการเรียนรู้ (ตัวอย่างบทเรียน)", "author": "Guide Light"})
    doc.save(OUT.with_suffix(".tmp.pdf"), garbage=3, deflate=True)
    doc.close()
    OUT.with_suffix(".tmp.pdf").replace(OUT)


if __name__ == "__main__":
    main()
