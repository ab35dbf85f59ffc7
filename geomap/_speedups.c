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

static PyMethodDef methods[] = {
    {"scan", scan, METH_O, "scan(text) -> (words, gaps, caps, starts): see the module's source."},
    {"sentence_spans", sentence_spans, METH_O,
     "sentence_spans(text) -> [(start, end), ...]: see the module's source."},
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
    return PyModule_Create(&module);
}
