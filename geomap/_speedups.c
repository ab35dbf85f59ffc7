/* Optional compiled scanners for geomap.mentions and geomap.texts (built when a C compiler is
 * present; without it those modules use the same rules in Python, and tests compare the two).
 *
 * scan(text) -> (words, gaps, caps, starts)
 *   words   the word tokens: runs of letters as Python's re means [^\W\d_], split where scraping
 *           glued two words ("MichałówAgnieszka": a lower-case letter, then an upper-case one of
 *           Latin-1, Latin Extended-A or Russian Cyrillic, three or more letters into the piece
 *           and two or more before the end of the run)
 *   gaps    the text before each word, and after the last one (len(words) + 1 of them; "" between
 *           the pieces of a glued word)
 *   caps    the indices of the words whose first letter is upper-case (str.isupper)
 *   starts  {index: offset} of those words
 *
 * sentence_spans(text) -> [(start, end), ...]
 *   as geomap.texts.sentence_spans: a sentence ends at a line break, or at . ! ? or an ellipsis
 *   followed (after an optional closing quote or bracket) by whitespace and then (after optional
 *   opening quotes or brackets) an upper-case letter of A-Z, U+00C0-U+017D or Russian/
 *   Belarusian Cyrillic, or a digit; spans are trimmed of whitespace, empty ones dropped
 *
 * find(rules, toks) -> [Candidate, ...]
 *   geomap.mentions.Recogniser.find on a text's tokens (its loop, _match_at and _accept), the
 *   rare context rules called back in Python (see below)
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

/* A letter as Python's re defines [^\W\d_] for str patterns: alphanumeric, not a decimal
 * digit, not the underscore; looked up in a table within the BMP. */
static unsigned char bmp_letter[0x10000];

static inline int
letter_of(Py_UCS4 c)
{
    return Py_UNICODE_ISALNUM(c) && !Py_UNICODE_ISDECIMAL(c) && c != '_';
}

static inline int
is_letter(Py_UCS4 c)
{
    return c < 0x10000 ? bmp_letter[c] : letter_of(c);
}

/* The upper-case letter of a glued pair. */
static inline int
glue_upper(Py_UCS4 c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xD6) || (c >= 0xD8 && c <= 0xDE)
        || (c >= 0x410 && c <= 0x42F) || c == 0x401
        || (c >= 0x100 && c < 0x180 && Py_UNICODE_ISUPPER(c));
}

/* The lower-case letter of a glued pair. */
static inline int
glue_lower(Py_UCS4 c)
{
    return (c >= 'a' && c <= 'z') || (c >= 0xDF && c <= 0xF6) || (c >= 0xF8 && c <= 0xFF)
        || (c >= 0x430 && c <= 0x44F) || c == 0x451
        || (c >= 0x100 && c < 0x180 && Py_UNICODE_ISLOWER(c));
}

/* Append text[a:b] to list; 0 on success. */
static int
append_slice(PyObject *list, PyObject *text, Py_ssize_t a, Py_ssize_t b)
{
    PyObject *s = PyUnicode_Substring(text, a, b);
    if (s == NULL)
        return -1;
    int rc = PyList_Append(list, s);
    Py_DECREF(s);
    return rc;
}

/* Append word text[a:b] to words; note its index in caps and its offset in starts when it is
 * capitalised. */
static int
append_word(PyObject *words, PyObject *caps, PyObject *starts, PyObject *text,
            const Py_UCS4 *c, Py_ssize_t a, Py_ssize_t b)
{
    if (Py_UNICODE_ISUPPER(c[a])) {
        PyObject *index = PyLong_FromSsize_t(PyList_GET_SIZE(words));
        PyObject *offset = PyLong_FromSsize_t(a);
        int rc = (index == NULL || offset == NULL || PyList_Append(caps, index)
                  || PyDict_SetItem(starts, index, offset)) ? -1 : 0;
        Py_XDECREF(index);
        Py_XDECREF(offset);
        if (rc)
            return -1;
    }
    return append_slice(words, text, a, b);
}

/* The characters of a str, four bytes each (free with PyMem_Free); NULL with an exception set
 * when text is not a str. */
static Py_UCS4 *
characters(PyObject *text, const char *function)
{
    if (!PyUnicode_Check(text)) {
        PyErr_Format(PyExc_TypeError, "%s() needs a str", function);
        return NULL;
    }
    return PyUnicode_AsUCS4Copy(text);
}

static PyObject *
scan(PyObject *module, PyObject *text)
{
    Py_UCS4 *c = characters(text, "scan");
    if (c == NULL)
        return NULL;
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    PyObject *words = PyList_New(0), *gaps = PyList_New(0), *caps = PyList_New(0);
    PyObject *starts = PyDict_New();
    if (words == NULL || gaps == NULL || caps == NULL || starts == NULL)
        goto fail;
    Py_ssize_t i = 0, gap = 0;
    while (i < n) {
        if (!is_letter(c[i])) {
            i++;
            continue;
        }
        Py_ssize_t a = i;
        while (i < n && is_letter(c[i]))
            i++;
        if (append_slice(gaps, text, gap, a))
            goto fail;
        Py_ssize_t piece = a;
        for (Py_ssize_t p = a + 1; p < i; p++) {
            if (p - piece >= 3 && p <= i - 2 && glue_upper(c[p]) && glue_lower(c[p - 1])) {
                if (append_word(words, caps, starts, text, c, piece, p)
                        || append_slice(gaps, text, p, p))
                    goto fail;
                piece = p;
            }
        }
        if (append_word(words, caps, starts, text, c, piece, i))
            goto fail;
        gap = i;
    }
    if (append_slice(gaps, text, gap, n))
        goto fail;
    PyMem_Free(c);
    return Py_BuildValue("(NNNN)", words, gaps, caps, starts);
fail:
    PyMem_Free(c);
    Py_XDECREF(words);
    Py_XDECREF(gaps);
    Py_XDECREF(caps);
    Py_XDECREF(starts);
    return NULL;
}

static inline int
closing_quote(Py_UCS4 c)
{
    return c == '"' || c == '\'' || c == 0x201D || c == 0x2019 || c == 0xBB || c == ')';
}

static inline int
opening_quote(Py_UCS4 c)
{
    return c == '"' || c == '\'' || c == 0x201C || c == 0x2018 || c == 0xAB || c == '(';
}

static inline int
sentence_initial(Py_UCS4 c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0x17D) || (c >= 0x410 && c <= 0x42F)
        || c == 0x401 || c == 0x406 || c == 0x40E || (c >= '0' && c <= '9');
}

/* Append text[a:b] without its outer whitespace to out as (a, b), unless that is empty. */
static int
append_trimmed(PyObject *out, const Py_UCS4 *c, Py_ssize_t a, Py_ssize_t b)
{
    while (a < b && Py_UNICODE_ISSPACE(c[a]))
        a++;
    while (b > a && Py_UNICODE_ISSPACE(c[b - 1]))
        b--;
    if (a == b)
        return 0;
    PyObject *span = Py_BuildValue("(nn)", a, b);
    if (span == NULL)
        return -1;
    int rc = PyList_Append(out, span);
    Py_DECREF(span);
    return rc;
}

static PyObject *
sentence_spans(PyObject *module, PyObject *text)
{
    Py_UCS4 *c = characters(text, "sentence_spans");
    if (c == NULL)
        return NULL;
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    PyObject *out = PyList_New(0);
    if (out == NULL)
        goto fail;
    Py_ssize_t a = 0, p = 0;
    while (p < n) {
        Py_UCS4 ch = c[p];
        Py_ssize_t end, next;               /* the sentence's end; where the next one starts */
        if (ch == '\n') {
            end = p;
            next = p + 1;
            while (next < n && Py_UNICODE_ISSPACE(c[next]))
                next++;
        }
        else if (ch == '.' || ch == '!' || ch == '?' || ch == 0x2026) {
            end = p + 1;
            if (end < n && closing_quote(c[end]))
                end++;
            next = end;
            while (next < n && Py_UNICODE_ISSPACE(c[next]))
                next++;
            Py_ssize_t q = next;
            while (q < n && opening_quote(c[q]))
                q++;
            if (next == end || q == n || !sentence_initial(c[q])) {
                p++;
                continue;
            }
        }
        else {
            p++;
            continue;
        }
        if (append_trimmed(out, c, a, end))
            goto fail;
        a = p = next;
    }
    if (append_trimmed(out, c, a, n))
        goto fail;
    PyMem_Free(c);
    return out;
fail:
    PyMem_Free(c);
    Py_XDECREF(out);
    return NULL;
}

/* ---- find(rules, toks): geomap.mentions.Recogniser.find's loop, _match_at and _accept ----
 *
 * The same rules as the Python methods, in the same order; the rare branches (a quote before
 * the name, a capitalised word after it, a first name beside it, a kind cue, an organisation's
 * name) call the very Python functions the Python rules call, so each rule is written once.
 * ``rules`` is Recogniser._rules (see there for its order); ``toks`` a mentions._Tokens. */

enum {
    R_STARTS, R_PAIRS, R_LOOKUPS, R_KEYS, R_COMMON, R_FIRST_NAMES, R_PREPOSITIONS, R_TITLES,
    R_VENUES, R_CUES, R_DESIGNATORS, R_REGION_DESIGNATORS, R_ORG_PREV, R_ORG_NEXT, R_PARTICLES,
    R_FOLD, R_PERSON, R_BEFORE_SURNAME, R_QUOTED_VENUE, R_CUE, R_IN_ORG, R_CANDIDATE, R_COUNT
};

/* _Names's fields */
enum { N_MATCHES, N_DESIGNATED, N_PLAIN, N_INFLECTED, N_FUZZY, N_ONLY_FUZZY, N_COUNTRY };

#define WINDOW 32          /* keys of the words around a span: 3 + (at most 26 words) + 3 */

typedef struct {
    PyObject **r;          /* the rules (borrowed from the tuple) */
    PyObject *toks, *text, *words, *gaps, *starts;
    PyObject *sentences;   /* toks._sentences once the method found them, else NULL */
    Py_ssize_t n, length;  /* words; characters of the text */
    int kind;
    const void *data;
} Finder;

static PyObject *empty_str, *str_region, *str_district, *str_sentence, *str__sentences;

/* map[k] as Python's subscript gives it (a dict subclass's __missing__ included): new ref. */
static PyObject *
get_item(PyObject *map, PyObject *k)
{
    if (PyDict_Check(map)) {
        PyObject *v = PyDict_GetItemWithError(map, k);
        if (v != NULL) {
            Py_INCREF(v);
            return v;
        }
        if (PyErr_Occurred())
            return NULL;
        if (PyDict_CheckExact(map)) {
            PyErr_SetObject(PyExc_KeyError, k);
            return NULL;
        }
    }
    return PyObject_GetItem(map, k);
}

static inline Py_UCS4
first_char(PyObject *s)
{
    return PyUnicode_READ_CHAR(s, 0);
}

/* str.isupper */
static int
str_isupper(PyObject *s)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(s);
    int kind = PyUnicode_KIND(s);
    const void *data = PyUnicode_DATA(s);
    if (n == 1)
        return Py_UNICODE_ISUPPER(PyUnicode_READ(kind, data, 0)) != 0;
    int cased = 0;
    for (Py_ssize_t k = 0; k < n; k++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, k);
        if (Py_UNICODE_ISLOWER(ch) || Py_UNICODE_ISTITLE(ch))
            return 0;
        if (Py_UNICODE_ISUPPER(ch))
            cased = 1;
    }
    return cased;
}

/* A gap of one or two whitespace characters (mentions._NEAR). */
static int
near_gap(PyObject *g)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(g);
    if (n < 1 || n > 2)
        return 0;
    for (Py_ssize_t k = 0; k < n; k++)
        if (!Py_UNICODE_ISSPACE(PyUnicode_READ_CHAR(g, k)))
            return 0;
    return 1;
}

static inline int
join_space(Py_UCS4 c)
{
    return c == ' ' || c == 0xA0;
}

static inline int
join_dash(Py_UCS4 c)
{
    return c == '-' || c == 0x2010 || c == 0x2011 || c == 0x2013 || c == 0x2014;
}

/* mentions.INNER_JOIN.fullmatch(g) */
static int
inner_join(PyObject *g)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(g);
    Py_UCS4 a = n > 0 ? PyUnicode_READ_CHAR(g, 0) : 0, b = n > 1 ? PyUnicode_READ_CHAR(g, 1) : 0;
    switch (n) {
    case 1:
        return join_space(a) || join_dash(a) || a == '\n';
    case 2:
        return (join_space(a) && (join_space(b) || join_dash(b))) || (join_dash(a) && join_space(b));
    case 3:
        return join_space(a) && join_dash(b) && join_space(PyUnicode_READ_CHAR(g, 2));
    default:
        return 0;
    }
}

/* item in a set: 1, 0, or -1 with an exception */
static inline int
in_set(PyObject *set, PyObject *item)
{
    return PySet_Contains(set, item);
}

/* A quote that may open a quoted name (mentions.QUOTES_OPEN) in text[start - 40:start]. */
static int
quote_before(Finder *f, Py_ssize_t start)
{
    for (Py_ssize_t k = start > 40 ? start - 40 : 0; k < start; k++) {
        Py_UCS4 c = PyUnicode_READ(f->kind, f->data, k);
        if (c == '"' || c == 0x201C || c == 0x201E || c == 0xAB || c == '\'' || c == 0x2018
                || c == 0x201A)
            return 1;
    }
    return 0;
}

/* The truth of func(args...) (a new reference stolen from the call): 1, 0 or -1. */
static int
call_truth(PyObject *result)
{
    if (result == NULL)
        return -1;
    int t = PyObject_IsTrue(result);
    Py_DECREF(result);
    return t;
}

static Py_ssize_t
offset_of(Finder *f, Py_ssize_t i)
{
    PyObject *k = PyLong_FromSsize_t(i);
    if (k == NULL)
        return -1;
    PyObject *v = get_item(f->starts, k);
    Py_DECREF(k);
    if (v == NULL)
        return -1;
    Py_ssize_t o = PyLong_AsSsize_t(v);
    Py_DECREF(v);
    return o;
}

/* toks.sentence(offset): the first time through the method (which finds the text's sentences),
 * then by bisection of toks._sentences here. A new reference; NULL on error. */
static PyObject *
sentence_of(Finder *f, Py_ssize_t offset)
{
    if (f->sentences == NULL) {
        PyObject *o = PyLong_FromSsize_t(offset);
        if (o == NULL)
            return NULL;
        PyObject *span = PyObject_CallMethodOneArg(f->toks, str_sentence, o);
        Py_DECREF(o);
        if (span == NULL)
            return NULL;
        f->sentences = PyObject_GetAttr(f->toks, str__sentences);
        if (f->sentences != NULL && !PyList_CheckExact(f->sentences))
            Py_CLEAR(f->sentences);         /* not as _Tokens keeps them: the method only */
        PyErr_Clear();
        return span;
    }
    Py_ssize_t lo = 0, hi = PyList_GET_SIZE(f->sentences);
    while (lo < hi) {                       /* bisect_right on the spans' starts */
        Py_ssize_t mid = (lo + hi) / 2;
        PyObject *span = PyList_GET_ITEM(f->sentences, mid);
        Py_ssize_t a;
        if (!PyTuple_CheckExact(span) || PyTuple_GET_SIZE(span) != 2
                || ((a = PyLong_AsSsize_t(PyTuple_GET_ITEM(span, 0))) == -1 && PyErr_Occurred())) {
            PyErr_Clear();
            Py_CLEAR(f->sentences);
            return sentence_of(f, offset);
        }
        if (offset < a)
            hi = mid;
        else
            lo = mid + 1;
    }
    if (PyList_GET_SIZE(f->sentences) == 0) {
        PyErr_SetString(PyExc_IndexError, "list index out of range");
        return NULL;
    }
    return Py_NewRef(PyList_GET_ITEM(f->sentences, lo > 1 ? lo - 1 : 0));
}

/* Recogniser._accept: a new reference to a Candidate, None or False; NULL on error. */
static PyObject *
accept(Finder *f, Py_ssize_t i, Py_ssize_t j, PyObject *names)
{
    PyObject **r = f->r;
    PyObject *folded[WINDOW];
    PyObject *result = NULL, *cue = NULL, *in_org = NULL, *matches = NULL, *sentence = NULL;
    Py_ssize_t lo = i > 3 ? i - 3 : 0, hi = j + 3 < f->n ? j + 3 : f->n, count = 0, k;
    if (hi - lo > WINDOW) {
        PyErr_SetString(PyExc_ValueError, "find(): a name of too many words");
        return NULL;
    }
    for (; count < hi - lo; count++) {
        folded[count] = get_item(r[R_KEYS], PyList_GET_ITEM(f->words, lo + count));
        if (folded[count] == NULL)
            goto done;
    }
    Py_ssize_t start = offset_of(f, i), end;
    if (start < 0 && PyErr_Occurred())
        goto done;
    if (j - i > 1) {
        end = offset_of(f, j - 1);
        if (end < 0 && PyErr_Occurred())
            goto done;
        end += PyUnicode_GET_LENGTH(PyList_GET_ITEM(f->words, j - 1));
    }
    else
        end = start + PyUnicode_GET_LENGTH(PyList_GET_ITEM(f->words, i));
    PyObject *self_word = folded[i - lo];
    PyObject *prev_word = i ? folded[i - 1 - lo] : empty_str;
    PyObject *next_word = j < f->n ? folded[j - lo] : empty_str;
    int near_before = near_gap(PyList_GET_ITEM(f->gaps, i));
    int near_after = near_gap(PyList_GET_ITEM(f->gaps, j));
    int t, prep = 0;
    if (near_before && (prep = in_set(r[R_PREPOSITIONS], prev_word)) < 0)
        goto done;
#define CHECK(expr) do { if ((t = (expr)) < 0) goto done; } while (0)
#define REJECT(value) do { result = Py_NewRef(value); goto done; } while (0)
    if (j - i == 1 && !prep) {
        CHECK(in_set(r[R_COMMON], self_word));
        if (t)
            REJECT(Py_None);
    }
    if (near_before) {
        CHECK(in_set(r[R_TITLES], prev_word));
        if (t)
            REJECT(Py_None);
    }
    CHECK(in_set(r[R_VENUES], prev_word));
    if (t)
        REJECT(Py_None);
    CHECK(in_set(r[R_VENUES], next_word));
    if (t && end + 1 < f->length && Py_UNICODE_ISUPPER(PyUnicode_READ(f->kind, f->data, end + 1)))
        REJECT(Py_None);
    if (quote_before(f, start)) {
        CHECK(call_truth(PyObject_CallFunction(r[R_QUOTED_VENUE], "Onnnn", f->toks, i, j, start,
                                               end)));
        if (t)
            REJECT(Py_None);
    }
    if (near_after && j < f->n && Py_UNICODE_ISUPPER(first_char(PyList_GET_ITEM(f->words, j)))) {
        int cue_before = 0;   /* a place-kind cue right before: "crossing Kuźnica Wasserwerfer" */
        if (near_before)
            CHECK(cue_before = in_set(r[R_CUES], prev_word));
        if (!cue_before) {
            CHECK(call_truth(PyObject_CallFunctionObjArgs(
                r[R_BEFORE_SURNAME], PyList_GET_ITEM(f->words, j), next_word, NULL)));
            if (t)
                REJECT(Py_None);
        }
    }
    if (i) {
        PyObject *w = PyList_GET_ITEM(f->words, i - 1), *g = PyList_GET_ITEM(f->gaps, i);
        if (PyUnicode_GET_LENGTH(w) == 1 && Py_UNICODE_ISUPPER(first_char(w))
                && PyUnicode_GET_LENGTH(g) > 0 && first_char(g) == '.')
            REJECT(Py_None);
    }
    if (j - i == 1 && !prep) {
        CHECK(in_set(r[R_FIRST_NAMES], self_word));
        if (!t && i)
            CHECK(in_set(r[R_FIRST_NAMES], prev_word));
        if (t) {
            PyObject *call = PyObject_CallFunction(r[R_PERSON], "OnOOOO", f->toks, i, names,
                                                   self_word, next_word, prev_word);
            CHECK(call_truth(call));
            if (t)
                REJECT(Py_None);
        }
    }
    int any_cue = 0;
    for (k = 0; k < count && !any_cue; k++)
        CHECK(any_cue = in_set(r[R_CUES], folded[k]));
    if (any_cue) {
        PyObject *window = PyList_New(0);
        if (window == NULL)
            goto done;
        for (k = 0; k < count; k++)
            if ((k < i - lo || k >= j - lo) && PyList_Append(window, folded[k])) {
                Py_DECREF(window);
                goto done;
            }
        cue = PyObject_CallOneArg(r[R_CUE], window);
        Py_DECREF(window);
        if (cue == NULL)
            goto done;
    }
    else
        cue = Py_NewRef(Py_None);
    CHECK(PyObject_IsTrue(PyTuple_GET_ITEM(names, N_ONLY_FUZZY)));
    if (t && !prep) {
        CHECK(PyObject_IsTrue(cue));
        if (!t)
            REJECT(Py_False);
    }
    PyObject *designator = NULL;
    if (near_after) {
        CHECK(in_set(r[R_DESIGNATORS], next_word));
        if (t)
            designator = next_word;
    }
    if (designator == NULL && near_before) {
        CHECK(in_set(r[R_DESIGNATORS], prev_word));
        if (t)
            designator = prev_word;
    }
    PyObject *plain = PyTuple_GET_ITEM(names, N_PLAIN);
    PyObject *designated = PyTuple_GET_ITEM(names, N_DESIGNATED);
    if (designator == NULL && PyTuple_GET_SIZE(plain))
        matches = Py_NewRef(plain);
    else {
        CHECK(PyObject_IsTrue(PyTuple_GET_ITEM(names, N_INFLECTED)));
        if (PyTuple_GET_SIZE(designated) && !t)
            matches = PySequence_Concat(designated, plain);
        else
            matches = Py_NewRef(PyTuple_GET_ITEM(names, N_MATCHES));
        if (matches == NULL)
            goto done;
    }
    if (designator != NULL) {
        CHECK(in_set(r[R_REGION_DESIGNATORS], designator));
        Py_SETREF(cue, Py_NewRef(t ? str_region : str_district));
    }
    CHECK(in_set(r[R_ORG_PREV], prev_word));
    if (!t && near_after)
        CHECK(in_set(r[R_ORG_NEXT], next_word));
    if (!t)
        t = end < f->length && PyUnicode_READ(f->kind, f->data, end) == '.';
    if (t) {
        PyObject *after_next = PyList_New(0);
        if (after_next == NULL)
            goto done;
        if (j + 1 - lo < count && PyList_Append(after_next, folded[j + 1 - lo])) {
            Py_DECREF(after_next);
            goto done;
        }
        in_org = PyObject_CallFunction(r[R_IN_ORG], "OnnnOOOOO", f->toks, i, j, end,
                                       i >= 2 ? folded[i - 2 - lo] : empty_str, prev_word,
                                       next_word, after_next, near_after ? Py_True : Py_False);
        Py_DECREF(after_next);
        if (in_org == NULL)
            goto done;
    }
    else
        in_org = Py_NewRef(Py_False);
    if ((sentence = sentence_of(f, start)) == NULL)
        goto done;
    PyTypeObject *type = (PyTypeObject *)r[R_CANDIDATE];
    PyObject *span = PyUnicode_Substring(f->text, start, end);
    if (span == NULL || (result = type->tp_alloc(type, 12)) == NULL) {
        Py_XDECREF(span);
        goto done;
    }
    PyObject *fields[12] = {
        PyLong_FromSsize_t(start), PyLong_FromSsize_t(end), span, Py_NewRef(matches),
        Py_NewRef(PyTuple_GET_ITEM(names, N_INFLECTED)), Py_NewRef(designator ? Py_True : Py_False),
        Py_NewRef(cue), Py_NewRef(prep ? Py_True : Py_False), Py_NewRef(in_org),
        Py_NewRef(sentence), Py_NewRef(PyTuple_GET_ITEM(names, N_FUZZY)),
        PyLong_FromSsize_t(j - i)};
    for (k = 0; k < 12; k++)
        PyTuple_SET_ITEM(result, k, fields[k]);
    if (fields[0] == NULL || fields[1] == NULL || fields[11] == NULL)
        Py_CLEAR(result);
#undef CHECK
#undef REJECT
done:
    for (k = 0; k < count; k++)
        Py_DECREF(folded[k]);
    Py_XDECREF(cue);
    Py_XDECREF(in_org);
    Py_XDECREF(matches);
    Py_XDECREF(sentence);
    return result;
}

/* fold(word) in PARTICLES: 1, 0 or -1 */
static int
particle(Finder *f, PyObject *word)
{
    PyObject *folded = PyObject_CallOneArg(f->r[R_FOLD], word);
    if (folded == NULL)
        return -1;
    int t = in_set(f->r[R_PARTICLES], folded);
    Py_DECREF(folded);
    return t;
}

/* Words that cannot pass for a capitalised all-caps abbreviation ("US", "EU"): see find. */
static int
short_caps(PyObject *word, PyObject *names, int *t)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(word);
    if (n >= 4 || n <= 1)
        return 0;
    if ((*t = PyObject_IsTrue(PyTuple_GET_ITEM(names, N_COUNTRY))) < 0)
        return -1;
    return !*t && str_isupper(word);
}

/* Recogniser._match_at: a new reference to a Candidate or None; NULL on error. */
static PyObject *
match_at(Finder *f, Py_ssize_t i, Py_ssize_t reach, PyObject *alone)
{
    PyObject *words = f->words, *gaps = f->gaps, *first = PyList_GET_ITEM(words, i);
    Py_ssize_t longest = reach < f->n - i ? reach : f->n - i;
    int t;
    if (longest > 1 && !Py_UNICODE_ISUPPER(first_char(PyList_GET_ITEM(words, i + 1)))) {
        if ((t = particle(f, PyList_GET_ITEM(words, i + 1))) < 0)
            return NULL;
        if (!t)
            longest = 1;
    }
    for (Py_ssize_t n = longest; n > 0; n--) {
        PyObject *names;
        if (n == 1) {
            if (alone == Py_None)
                Py_RETURN_NONE;
            int c = 0, s = short_caps(first, alone, &c);
            if (s < 0)
                return NULL;
            if (s)
                Py_RETURN_NONE;
            names = Py_NewRef(alone);
        }
        else {
            if (!Py_UNICODE_ISUPPER(first_char(PyList_GET_ITEM(words, i + n - 1))))
                continue;
            Py_ssize_t k;
            for (k = i + 1; k < i + n; k++)
                if (!inner_join(PyList_GET_ITEM(gaps, k)))
                    break;
            if (k < i + n)
                continue;
            for (k = i + 1; k < i + n - 1; k++) {
                PyObject *w = PyList_GET_ITEM(words, k);
                if (Py_UNICODE_ISUPPER(first_char(w)))
                    continue;
                if ((t = particle(f, w)) < 0)
                    return NULL;
                if (!t)
                    break;
            }
            if (k < i + n - 1)
                continue;
            PyObject *span = PyList_GetSlice(words, i, i + n);
            if (span == NULL)
                return NULL;
            PyObject *key = PyList_AsTuple(span);
            Py_DECREF(span);
            if (key == NULL)
                return NULL;
            names = get_item(f->r[R_LOOKUPS], key);
            Py_DECREF(key);
            if (names == NULL)
                return NULL;
            if (!PyTuple_GET_SIZE(PyTuple_GET_ITEM(names, N_MATCHES))) {
                Py_DECREF(names);
                continue;
            }
        }
        PyObject *found = accept(f, i, i + n, names);
        Py_DECREF(names);
        if (found != Py_False)
            return found;
        Py_DECREF(found);
    }
    Py_RETURN_NONE;
}

static PyObject *
find(PyObject *module, PyObject *args)
{
    PyObject *rules, *toks, *caps = NULL, *out = NULL;
    if (!PyArg_ParseTuple(args, "O!O:find", &PyTuple_Type, &rules, &toks))
        return NULL;
    if (PyTuple_GET_SIZE(rules) != R_COUNT || !PyType_Check(PyTuple_GET_ITEM(rules, R_CANDIDATE))
            || !PyType_IsSubtype((PyTypeObject *)PyTuple_GET_ITEM(rules, R_CANDIDATE), &PyTuple_Type)) {
        PyErr_SetString(PyExc_TypeError, "find(): rules as mentions.Recogniser._rules");
        return NULL;
    }
    Finder f = {((PyTupleObject *)rules)->ob_item, toks};
    f.text = PyObject_GetAttrString(toks, "text");
    f.words = PyObject_GetAttrString(toks, "words");
    f.gaps = PyObject_GetAttrString(toks, "gaps");
    f.starts = PyObject_GetAttrString(toks, "_starts");
    caps = PyObject_GetAttrString(toks, "caps");
    if (f.text == NULL || f.words == NULL || f.gaps == NULL || f.starts == NULL || caps == NULL)
        goto done;
    if (!PyUnicode_Check(f.text) || !PyList_Check(f.words) || !PyList_Check(f.gaps)
            || !PyList_Check(caps) || PyList_GET_SIZE(f.gaps) != PyList_GET_SIZE(f.words) + 1) {
        PyErr_SetString(PyExc_TypeError, "find(): toks as mentions._Tokens");
        goto done;
    }
    f.n = PyList_GET_SIZE(f.words);
    f.length = PyUnicode_GET_LENGTH(f.text);
    f.kind = PyUnicode_KIND(f.text);
    f.data = PyUnicode_DATA(f.text);
    if ((out = PyList_New(0)) == NULL)
        goto done;
    Py_ssize_t resume = 0;
    for (Py_ssize_t c = 0; c < PyList_GET_SIZE(caps); c++) {
        Py_ssize_t i = PyLong_AsSsize_t(PyList_GET_ITEM(caps, c));
        if (i == -1 && PyErr_Occurred())
            goto fail;
        if (i < 0 || i >= f.n) {
            PyErr_SetString(PyExc_IndexError, "find(): a capitalised word out of range");
            goto fail;
        }
        PyObject *word = PyList_GET_ITEM(f.words, i);
        PyObject *start = get_item(f.r[R_STARTS], word);
        if (start == NULL)
            goto fail;
        if (!PyTuple_Check(start) || PyTuple_GET_SIZE(start) != 2) {
            Py_DECREF(start);
            PyErr_SetString(PyExc_TypeError, "find(): a start as (reach, names)");
            goto fail;
        }
        Py_ssize_t reach = PyLong_AsSsize_t(PyTuple_GET_ITEM(start, 0));
        PyObject *alone = Py_NewRef(PyTuple_GET_ITEM(start, 1));
        Py_DECREF(start);
        PyObject *found = NULL;
        if (reach == -1 && PyErr_Occurred())
            goto next;
        if (reach == 0 || i < resume) {
            found = Py_NewRef(Py_None);
            goto next;
        }
        if (alone == Py_None) {
            Py_ssize_t k;
            for (k = i + 1; k < i + reach && k < f.n; k++)
                if (Py_UNICODE_ISUPPER(first_char(PyList_GET_ITEM(f.words, k))))
                    break;
            if (k == i + reach || k == f.n) {
                found = Py_NewRef(Py_None);
                goto next;
            }
            PyObject *pair = PyTuple_Pack(2, word, PyList_GET_ITEM(f.words, i + 1));
            if (pair == NULL)
                goto next;
            int t = call_truth(get_item(f.r[R_PAIRS], pair));
            Py_DECREF(pair);
            if (t <= 0) {
                if (!t)
                    found = Py_NewRef(Py_None);
                goto next;
            }
        }
        if (reach == 1) {
            int t = 0, s = short_caps(word, alone, &t);
            if (s < 0)
                goto next;
            found = s ? Py_NewRef(Py_None) : accept(&f, i, i + 1, alone);
        }
        else
            found = match_at(&f, i, reach, alone);
    next:
        Py_DECREF(alone);
        if (found == NULL)
            goto fail;
        if (PyTuple_Check(found) && PyTuple_GET_SIZE(found) == 12) {
            Py_ssize_t words = PyLong_AsSsize_t(PyTuple_GET_ITEM(found, 11));
            if (PyList_Append(out, found)) {
                Py_DECREF(found);
                goto fail;
            }
            resume = i + words;
        }
        Py_DECREF(found);
    }
    goto done;
fail:
    Py_CLEAR(out);
done:
    Py_XDECREF(f.text);
    Py_XDECREF(f.words);
    Py_XDECREF(f.gaps);
    Py_XDECREF(f.starts);
    Py_XDECREF(f.sentences);
    Py_XDECREF(caps);
    return out;
}

/* mention_lines(mentions, places, place_json, dumps) -> bytes
 *   the JSON Lines of geomap.io.records.mention_record for each mention, as orjson.dumps writes
 *   them (compact, UTF-8, only '"', '\\' and control characters escaped, one a line): the
 *   fields of the mention's place and border relation are place_json(place, border)'s bytes
 *   (a run of "key":value pairs), memoised in the dict places by id(place) with the two
 *   objects; any value this code does not write itself (a float Python writes with an
 *   exponent, inf or nan, an int beyond 64 bits, a str that is not valid UTF-8, another
 *   type) is written as dumps(value) gives it, so that errors are dumps's too. */

typedef struct {
    char *data;
    Py_ssize_t size, used;
} Buffer;

static int
buffer_grow(Buffer *b, Py_ssize_t more)
{
    if (b->used + more <= b->size)
        return 0;
    Py_ssize_t size = b->size ? b->size : 4096;
    while (size < b->used + more)
        size *= 2;
    char *data = PyMem_Realloc(b->data, size);
    if (data == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    b->data = data;
    b->size = size;
    return 0;
}

static int
buffer_add(Buffer *b, const char *s, Py_ssize_t n)
{
    if (buffer_grow(b, n))
        return -1;
    memcpy(b->data + b->used, s, n);
    b->used += n;
    return 0;
}

#define ADD_LITERAL(b, s) buffer_add((b), (s), (Py_ssize_t)sizeof(s) - 1)

/* dumps(value)'s bytes appended. */
static int
add_dumped(Buffer *b, PyObject *dumps, PyObject *value)
{
    PyObject *out = PyObject_CallOneArg(dumps, value);
    if (out == NULL)
        return -1;
    int rc = PyBytes_Check(out) ? buffer_add(b, PyBytes_AS_STRING(out), PyBytes_GET_SIZE(out))
                                : (PyErr_SetString(PyExc_TypeError, "dumps() gave no bytes"), -1);
    Py_DECREF(out);
    return rc;
}

static int
add_json_str(Buffer *b, PyObject *dumps, PyObject *s)
{
    if (!PyUnicode_CheckExact(s))
        return add_dumped(b, dumps, s);
    Py_ssize_t n;
    const char *u = PyUnicode_AsUTF8AndSize(s, &n);
    if (u == NULL) {                        /* lone surrogates: dumps says what it says */
        PyErr_Clear();
        return add_dumped(b, dumps, s);
    }
    /* at most 6 bytes an input byte (\u00XX), 2 quotes */
    if (buffer_grow(b, 6 * n + 2))
        return -1;
    char *o = b->data + b->used;
    *o++ = '"';
    for (Py_ssize_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)u[i];
        if (c >= 0x20 && c != '"' && c != '\\') {
            *o++ = (char)c;
            continue;
        }
        *o++ = '\\';
        switch (c) {
        case '"': *o++ = '"'; break;
        case '\\': *o++ = '\\'; break;
        case '\b': *o++ = 'b'; break;
        case '\t': *o++ = 't'; break;
        case '\n': *o++ = 'n'; break;
        case '\f': *o++ = 'f'; break;
        case '\r': *o++ = 'r'; break;
        default:
            *o++ = 'u';
            *o++ = '0';
            *o++ = '0';
            *o++ = "0123456789abcdef"[c >> 4];
            *o++ = "0123456789abcdef"[c & 15];
        }
    }
    *o++ = '"';
    b->used = o - b->data;
    return 0;
}

static int
add_json_int(Buffer *b, PyObject *dumps, PyObject *v)
{
    if (!PyLong_CheckExact(v))
        return add_dumped(b, dumps, v);
    int overflow;
    long long x = PyLong_AsLongLongAndOverflow(v, &overflow);
    if (overflow || (x == -1 && PyErr_Occurred())) {
        PyErr_Clear();
        return add_dumped(b, dumps, v);
    }
    char s[32];
    int n = snprintf(s, sizeof s, "%lld", x);
    return buffer_add(b, s, n);
}

/* A float as Python's repr writes it when that has no exponent (orjson writes the same
 * shortest digits then; 1e-05 and the like, inf and nan go to dumps); an int as an int. */
static int
add_json_number(Buffer *b, PyObject *dumps, PyObject *v)
{
    if (!PyFloat_CheckExact(v))
        return add_json_int(b, dumps, v);
    char *s = PyOS_double_to_string(PyFloat_AS_DOUBLE(v), 'r', 0, Py_DTSF_ADD_DOT_0, NULL);
    if (s == NULL)
        return -1;
    int rc = strpbrk(s, "eni") ? add_dumped(b, dumps, v) : buffer_add(b, s, strlen(s));
    PyMem_Free(s);
    return rc;
}

/* The place fields of a mention: places[id(place)] = (place, border, bytes), filled by
 * place_json when missing or held by other objects. Borrowed bytes, NULL on error. */
static PyObject *
place_fields(PyObject *places, PyObject *place_json, PyObject *place, PyObject *border)
{
    PyObject *k = PyLong_FromVoidPtr(place);
    if (k == NULL)
        return NULL;
    PyObject *hit = PyDict_GetItemWithError(places, k);
    if (hit != NULL && PyTuple_CheckExact(hit) && PyTuple_GET_SIZE(hit) == 3
            && PyTuple_GET_ITEM(hit, 0) == place && PyTuple_GET_ITEM(hit, 1) == border
            && PyBytes_Check(PyTuple_GET_ITEM(hit, 2))) {
        Py_DECREF(k);
        return PyTuple_GET_ITEM(hit, 2);
    }
    if (PyErr_Occurred()) {
        Py_DECREF(k);
        return NULL;
    }
    if (PyDict_GET_SIZE(places) >= 100000)      /* bounded, as the Python memo is */
        PyDict_Clear(places);
    PyObject *fields = PyObject_CallFunctionObjArgs(place_json, place, border, NULL);
    if (fields == NULL || !PyBytes_Check(fields)) {
        if (fields != NULL)
            PyErr_SetString(PyExc_TypeError, "place_json() gave no bytes");
        Py_XDECREF(fields);
        Py_DECREF(k);
        return NULL;
    }
    PyObject *entry = PyTuple_Pack(3, place, border, fields);
    Py_DECREF(fields);
    int rc = entry == NULL ? -1 : PyDict_SetItem(places, k, entry);
    Py_DECREF(k);
    Py_XDECREF(entry);
    return rc ? NULL : PyTuple_GET_ITEM(entry, 2);   /* the dict holds entry */
}

static PyObject *str_doc, *str_start, *str_end, *str_text, *str_place, *str_border,
    *str_confidence, *str_in_org, *str_path, *str_url, *str_dict;

/* d[k], borrowed; a KeyError when missing. */
static PyObject *
field(PyObject *d, PyObject *k)
{
    PyObject *v = PyDict_GetItemWithError(d, k);
    if (v == NULL && !PyErr_Occurred())
        PyErr_SetObject(PyExc_KeyError, k);
    return v;
}

static PyObject *
mention_lines(PyObject *module, PyObject *args)
{
    PyObject *mentions, *places, *place_json, *dumps;
    if (!PyArg_ParseTuple(args, "OO!OO:mention_lines", &mentions, &PyDict_Type, &places,
                          &place_json, &dumps))
        return NULL;
    PyObject *seq = PySequence_Fast(mentions, "mention_lines(): mentions as a sequence");
    if (seq == NULL)
        return NULL;
    Buffer b = {NULL, 0, 0};
    PyObject *doc = NULL, *path = NULL, *url = NULL, *result = NULL;
    for (Py_ssize_t k = 0; k < PySequence_Fast_GET_SIZE(seq); k++) {
        PyObject *d = PyObject_GetAttr(PySequence_Fast_GET_ITEM(seq, k), str_dict);
        if (d == NULL)
            goto done;
        if (!PyDict_Check(d)) {
            Py_DECREF(d);
            PyErr_SetString(PyExc_TypeError, "mention_lines(): a Mention's __dict__");
            goto done;
        }
        PyObject *m_doc = field(d, str_doc), *start = field(d, str_start),
            *end = field(d, str_end), *text = field(d, str_text), *place = field(d, str_place),
            *border = field(d, str_border), *sentence = field(d, str_sentence),
            *confidence = field(d, str_confidence), *in_org = field(d, str_in_org);
        int rc = -1;
        if (m_doc == NULL || start == NULL || end == NULL || text == NULL || place == NULL
                || border == NULL || sentence == NULL || confidence == NULL || in_org == NULL)
            goto next;
        if (m_doc != doc) {                 /* a document's mentions come together */
            Py_XSETREF(doc, Py_NewRef(m_doc));
            Py_XSETREF(path, PyObject_GetAttr(doc, str_path));
            Py_XSETREF(url, PyObject_GetAttr(doc, str_url));
            if (path == NULL || url == NULL) {
                Py_CLEAR(doc);
                goto next;
            }
        }
        PyObject *fields = place_fields(places, place_json, place, border);
        if (fields == NULL)
            goto next;
        int truth = PyObject_IsTrue(url);
        if (truth < 0)
            goto next;
        if (ADD_LITERAL(&b, "{\"file\":") || add_json_str(&b, dumps, path)
                || ADD_LITERAL(&b, ",\"start\":") || add_json_int(&b, dumps, start)
                || ADD_LITERAL(&b, ",\"end\":") || add_json_int(&b, dumps, end)
                || ADD_LITERAL(&b, ",\"text\":") || add_json_str(&b, dumps, text)
                || ADD_LITERAL(&b, ",")
                || buffer_add(&b, PyBytes_AS_STRING(fields), PyBytes_GET_SIZE(fields))
                || ADD_LITERAL(&b, ",\"sentence\":") || add_json_str(&b, dumps, sentence)
                || ADD_LITERAL(&b, ",\"confidence\":") || add_json_number(&b, dumps, confidence))
            goto next;
        if (in_org == Py_True || in_org == Py_False) {
            if (in_org == Py_True ? ADD_LITERAL(&b, ",\"in_org\":true")
                                  : ADD_LITERAL(&b, ",\"in_org\":false"))
                goto next;
        }
        else if (ADD_LITERAL(&b, ",\"in_org\":") || add_dumped(&b, dumps, in_org))
            goto next;
        if (ADD_LITERAL(&b, ",\"url\":") || (truth ? add_json_str(&b, dumps, url)
                                                   : ADD_LITERAL(&b, "null"))
                || ADD_LITERAL(&b, "}\n"))
            goto next;
        rc = 0;
    next:
        Py_DECREF(d);
        if (rc)
            goto done;
    }
    result = PyBytes_FromStringAndSize(b.data ? b.data : "", b.used);
done:
    PyMem_Free(b.data);
    Py_XDECREF(doc);
    Py_XDECREF(path);
    Py_XDECREF(url);
    Py_DECREF(seq);
    return result;
}

static PyMethodDef methods[] = {
    {"scan", scan, METH_O, "scan(text) -> (words, gaps, caps, starts): see the module's source."},
    {"sentence_spans", sentence_spans, METH_O,
     "sentence_spans(text) -> [(start, end), ...]: see the module's source."},
    {"find", find, METH_VARARGS,
     "find(rules, toks) -> [Candidate, ...]: mentions.Recogniser.find's rules, see there."},
    {"mention_lines", mention_lines, METH_VARARGS,
     "mention_lines(mentions, places, place_json, dumps) -> bytes: see the module's source."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "geomap._speedups", "Compiled scanners for geomap.mentions and geomap.texts.",
    -1, methods,
};

PyMODINIT_FUNC
PyInit__speedups(void)
{
    for (Py_UCS4 c = 0; c < 0x10000; c++)
        bmp_letter[c] = letter_of(c);
    empty_str = PyUnicode_InternFromString("");
    str_region = PyUnicode_InternFromString("region");
    str_district = PyUnicode_InternFromString("district");
    str_sentence = PyUnicode_InternFromString("sentence");
    if (empty_str == NULL || str_region == NULL || str_district == NULL || str_sentence == NULL)
        return NULL;
    struct { PyObject **s; const char *name; } names[] = {
        {&str_doc, "doc"}, {&str_start, "start"}, {&str_end, "end"}, {&str_text, "text"},
        {&str_place, "place"}, {&str_border, "border"}, {&str_confidence, "confidence"},
        {&str_in_org, "in_org"}, {&str_path, "path"}, {&str_url, "url"},
        {&str_dict, "__dict__"}, {&str__sentences, "_sentences"}};
    for (size_t k = 0; k < sizeof names / sizeof names[0]; k++)
        if ((*names[k].s = PyUnicode_InternFromString(names[k].name)) == NULL)
            return NULL;
    return PyModule_Create(&module);
}
