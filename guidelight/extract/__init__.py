"""PDF in, document model out: text layer extraction, layout, page furniture, OCR."""
