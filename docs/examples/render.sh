#!/usr/bin/env bash
# Renders docs/examples from the letters the tests compose: every kind of letter, Japanese and English, first page
# as a small greyscale PNG, and a few e-mails as text. Needs poppler-utils (pdftoppm) and, to keep the PNGs small,
# pngquant: apt-get install poppler-utils pngquant
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q test -Dtest='LetterPdfTest,LetterMailTest,MissingRequestDetailsLetterTest,GroundsInLettersTest'
for language in ja en; do
  mkdir -p "docs/examples/$language"
  for pdf in target/letter-examples/"$language"/*.pdf; do
    name="$(basename "$pdf" .pdf)"
    pdftoppm -png -gray -r 60 -f 1 -l 1 -singlefile "$pdf" "docs/examples/$language/$name"
  done
done
if command -v pngquant >/dev/null; then
  pngquant --force --ext .png --quality 40-80 16 docs/examples/ja/*.png docs/examples/en/*.png
fi
mkdir -p docs/examples/mail
cp target/letter-examples/mail/ja/fee-request.txt docs/examples/mail/ja-fee-request.txt
cp target/letter-examples/mail/en/non-disclosure.txt docs/examples/mail/en-non-disclosure.txt
cp target/letter-examples/mail/ja/client-notification.txt docs/examples/mail/client-notification.txt
cp target/letter-examples/mail/ja/staff-reminder.txt docs/examples/mail/staff-reminder.txt
cp target/letter-examples/mail/ja/request-form-and-checklist-web.txt docs/examples/mail/ja-request-form-and-checklist-web.txt
# the disclosure package (issue 18): the annex (PDF and its first page), the archive's listing, manifest and records
./mvnw -q test -Dtest='DisclosurePackageEndToEndTest#aPartialDisclosureIsDownloadedAsAnArchiveWithoutTheWithheldRow'
mkdir -p docs/examples/disclosure
cp target/examples/disclosure/* docs/examples/disclosure/
pdftoppm -png -gray -r 60 -f 1 -l 1 -singlefile docs/examples/disclosure/annex.pdf docs/examples/disclosure/annex
