-- What these columns hold is compressed already: a letter's PDF (its streams and its font deflated by PDFBox) and a
-- requester's document (PDF, JPEG or PNG, judged by their magic bytes). PostgreSQL tries to compress every value
-- over about 2 KB before it stores it out of line (pglz), reads the whole value doing so, and keeps it as it was when
-- it saves less than a quarter: not one of the benchmark's 1,020 letters was stored compressed, and the attempt cost
-- 0.85 ms of the server's CPU a letter (1,020 PDFs of 55 KB: 0.86-0.97 s inserted as before, 0.10 s without the
-- attempt; issue 21, session 18). EXTERNAL stores them out of line without the attempt; rows written before keep
-- how they were stored. H2 has no such setting and no such attempt: this version has no H2 file.
ALTER TABLE letter_document ALTER COLUMN pdf SET STORAGE EXTERNAL;
ALTER TABLE request_document ALTER COLUMN content SET STORAGE EXTERNAL;
