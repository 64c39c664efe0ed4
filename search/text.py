"""Text normalisation shared by the index and the queries (both databases)."""

import unicodedata

from django.utils.text import Truncator

MAX_QUERY_LENGTH = 200
# Words too common to find anything (folded); PostgreSQL's French configuration has its own.
STOPWORDS = set(
    "au aux avec ce ces dans de des du en et la le les leur par pour sur un une".split()
)


def _fold(char):
    decomposed = unicodedata.normalize("NFKD", char)
    base = decomposed[0].lower()[:1] if decomposed else " "
    return base if base.isalnum() else " "


def fold(text):
    """Lowercase, without accents, punctuation as spaces; same length as `text`.

    Keeping the length lets a snippet cut the original text where the folded one matched.
    """
    return "".join(_fold(char) for char in text)


def clean_query(raw):
    """What the visitor typed, made safe for every database: no control characters, bounded."""
    text = "".join(
        char if unicodedata.category(char)[0] != "C" else " " for char in raw or ""
    ).replace("\ufffd", " ")
    return " ".join(text.split())[:MAX_QUERY_LENGTH].strip()


def query_words(query):
    """The folded words worth matching (one-letter words such as the d of d'agir go)."""
    words = []
    for word in fold(query).split():
        if len(word) > 3 and word[-1] in "sx":
            word = word[:-1]  # "devoirs" finds "devoir"
        if len(word) > 1 and word not in STOPWORDS and word not in words:
            words.append(word)
    return words


def snippet(text, words, width=240):
    """An escaped extract of `text` around its first matching word, matches in <mark>.

    Returns HTML that is safe to show: everything from `text` is escaped first.
    """
    from django.utils.html import escape

    # A leading space: every word is matched from its start ("aide" is not in "entraide").
    folded = " " + fold(text)
    words = [" " + word for word in words]
    positions = [folded.find(word) for word in words]
    positions = [position for position in positions if position >= 0]
    if not positions:
        return escape(Truncator(text).chars(width))
    start = max(0, min(positions) - width // 3)
    if start:
        start = text.find(" ", start) + 1 or start
    end = min(len(text), start + width)
    if end < len(text):
        end = text.rfind(" ", start, end) if text.rfind(" ", start, end) > start else end
    spans = []
    for word in words:
        position = folded.find(word, start, end)
        while position >= 0:
            finish = position + len(word)
            while finish < len(folded) and folded[finish] != " ":
                finish += 1  # to the end of the word: "nicola" marks "Nicolas"
            spans.append((position, finish - 1))
            position = folded.find(word, finish, end)
    parts, cursor = [], start
    for begin, finish in sorted(spans):
        if begin < cursor:
            continue
        parts.append(escape(text[cursor:begin]))
        parts.append(f"<mark>{escape(text[begin:finish])}</mark>")
        cursor = finish
    parts.append(escape(text[cursor:end]))
    return ("… " if start else "") + "".join(parts) + (" …" if end < len(text) else "")
