/* Optional compiled loops of geomap.keyscan, geomap.unplaced and geomap.events.copies (built when a C compiler is
 * present; without it they run the same loops in Python, and tests compare the two).
 *
 * collect(hits, text, found)
 *   the literal hits of an Aho-Corasick pass over the lower-cased text, filed per pattern:
 *   ``hits`` yields (end, (size, starting, inside, holding)); a hit starting at s goes to each
 *   pattern of ``inside`` when text[s - 1] is a word character (str.isalnum() or "_"), else of
 *   ``starting``, as the int s appended to found[i]; and to each pattern of ``holding`` as the
 *   tuple (end + 1, s).
 *
 * scan(positions, pattern, start, end, matchers, text, first)
 *   the matches that the candidate positions give in text[start:end], as keyscan's
 *   TextIndex.find_many: ``positions`` is sorted, of ints (the starts of pattern ``pattern``)
 *   or, when ``pattern`` is -1, of (position, pattern) tuples; matchers[i] is
 *   patterns[i].match; a position inside the last match of its pattern is skipped.
 *   Returns [(i, match), ...] (``first``: at most one).
 *
 * scan_lists(found, ids, start, end, matchers, text, first)
 *   scan with the positions of the patterns ``ids`` merged as it goes: found[i] is the
 *   sorted list of the candidate starts of pattern i; the same matches as scan() over the
 *   sorted (position, i) pairs of those lists, without making that list.
 *
 * any_in(found, ids, start, end)
 *   whether one of the lists found[i], i in ids, holds a position in start..end - 1.
 *
 * lower_words(text)
 *   unplaced.lower_words: the set of the words of letters ([^\W\d_]+ between word
 *   boundaries) that are lower case (str.islower).
 *
 * capitalised_runs(text, spans, lower, lead, max_words)
 *   unplaced.sentence_runs: (k, start, end) of each run of capitalised words of each sentence
 *   spans[k] of the text, as unplaced.capitalised_runs finds them.
 *
 * word_print(text, start, end, min_words)
 *   events.copies.word_print: the FNV-1a hash (64 bits) of the words (\w+) of text[start:end]
 *   joined by single spaces, over their code points; 0 for fewer than min_words words.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>

#define MAX_PATTERNS 256

static int
append_ids(PyObject *found, PyObject *ids, PyObject *value)
{
    Py_ssize_t n = PyTuple_GET_SIZE(ids);
    for (Py_ssize_t k = 0; k < n; k++) {
        Py_ssize_t i = PyLong_AsSsize_t(PyTuple_GET_ITEM(ids, k));
        if (i < 0 || i >= PyList_GET_SIZE(found)) {
            if (!PyErr_Occurred())
                PyErr_SetString(PyExc_IndexError, "pattern id out of range");
            return -1;
        }
        if (PyList_Append(PyList_GET_ITEM(found, i), value) < 0)
            return -1;
    }
    return 0;
}

static PyObject *
collect(PyObject *self, PyObject *args)
{
    PyObject *hits, *text, *found;
    if (!PyArg_ParseTuple(args, "OUO!", &hits, &text, &PyList_Type, &found))
        return NULL;
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    PyObject *it = PyObject_GetIter(hits);
    if (it == NULL)
        return NULL;
    PyObject *item;
    while ((item = PyIter_Next(it)) != NULL) {
        PyObject *value, *ids, *pos;
        Py_ssize_t end, size, s;
        if (!PyTuple_Check(item) || PyTuple_GET_SIZE(item) != 2
                || !PyTuple_Check(value = PyTuple_GET_ITEM(item, 1))
                || PyTuple_GET_SIZE(value) != 4) {
            PyErr_SetString(PyExc_TypeError, "hits: (end, (size, starting, inside, holding))");
            goto fail;
        }
        end = PyLong_AsSsize_t(PyTuple_GET_ITEM(item, 0));
        size = PyLong_AsSsize_t(PyTuple_GET_ITEM(value, 0));
        if (PyErr_Occurred())
            goto fail;
        s = end + 1 - size;
        if (s < 0 || end >= PyUnicode_GET_LENGTH(text)) {
            PyErr_SetString(PyExc_ValueError, "hit outside the text");
            goto fail;
        }
        int inner = 0;
        if (s > 0) {
            Py_UCS4 ch = PyUnicode_READ(kind, data, s - 1);
            inner = Py_UNICODE_ISALNUM(ch) || ch == '_';
        }
        ids = PyTuple_GET_ITEM(value, inner ? 2 : 1);
        PyObject *holding = PyTuple_GET_ITEM(value, 3);
        if (!PyTuple_Check(ids) || !PyTuple_Check(holding)) {
            PyErr_SetString(PyExc_TypeError, "hits: pattern ids must be tuples");
            goto fail;
        }
        if (PyTuple_GET_SIZE(ids)) {
            pos = PyLong_FromSsize_t(s);
            if (pos == NULL)
                goto fail;
            int err = append_ids(found, ids, pos);
            Py_DECREF(pos);
            if (err < 0)
                goto fail;
        }
        if (PyTuple_GET_SIZE(holding)) {
            pos = Py_BuildValue("(nn)", end + 1, s);
            if (pos == NULL)
                goto fail;
            int err = append_ids(found, holding, pos);
            Py_DECREF(pos);
            if (err < 0)
                goto fail;
        }
        Py_DECREF(item);
    }
    Py_DECREF(it);
    if (PyErr_Occurred())
        return NULL;
    Py_RETURN_NONE;
fail:
    Py_DECREF(item);
    Py_DECREF(it);
    return NULL;
}

/* The position (and pattern) of positions[k]; -1 on error. */
static int
entry(PyObject *positions, Py_ssize_t k, Py_ssize_t pattern, Py_ssize_t *p, Py_ssize_t *i)
{
    PyObject *e = PyList_GET_ITEM(positions, k);
    if (pattern >= 0) {
        *p = PyLong_AsSsize_t(e);
        *i = pattern;
    } else {
        if (!PyTuple_Check(e) || PyTuple_GET_SIZE(e) != 2) {
            PyErr_SetString(PyExc_TypeError, "positions: (position, pattern) tuples");
            return -1;
        }
        *p = PyLong_AsSsize_t(PyTuple_GET_ITEM(e, 0));
        *i = PyLong_AsSsize_t(PyTuple_GET_ITEM(e, 1));
    }
    if (PyErr_Occurred())
        return -1;
    return 0;
}

/* Match ``matcher`` (a compiled pattern's ``match``) on ``text`` at ``p`` (up to ``pend``):
 * on a match append (``id``, match) to ``out``, set ``*last`` to its end and return 1; 0 when
 * it does not match there; -1 on error. */
static int
try_at(PyObject *matcher, Py_ssize_t id, PyObject *text, Py_ssize_t p, PyObject *pend,
       Py_ssize_t *last, PyObject *out)
{
    PyObject *pp = PyLong_FromSsize_t(p);
    if (pp == NULL)
        return -1;
    PyObject *argv[3] = {text, pp, pend};
    PyObject *got = PyObject_Vectorcall(matcher, argv, 3, NULL);
    Py_DECREF(pp);
    if (got == NULL)
        return -1;
    if (got == Py_None) {
        Py_DECREF(got);
        return 0;
    }
    PyObject *e = PyObject_CallMethod(got, "end", NULL);
    if (e == NULL) {
        Py_DECREF(got);
        return -1;
    }
    *last = PyLong_AsSsize_t(e);
    Py_DECREF(e);
    if (*last == -1 && PyErr_Occurred()) {
        Py_DECREF(got);
        return -1;
    }
    PyObject *pair = Py_BuildValue("(nN)", id, got);
    if (pair == NULL || PyList_Append(out, pair) < 0) {
        Py_XDECREF(pair);
        return -1;
    }
    Py_DECREF(pair);
    return 1;
}

static PyObject *
scan(PyObject *self, PyObject *args)
{
    PyObject *positions, *matchers, *text;
    Py_ssize_t pattern, start, end;
    int first;
    if (!PyArg_ParseTuple(args, "O!nnnO!Up", &PyList_Type, &positions, &pattern, &start, &end,
                          &PyList_Type, &matchers, &text, &first))
        return NULL;
    Py_ssize_t n = PyList_GET_SIZE(positions), m = PyList_GET_SIZE(matchers);
    if (m > MAX_PATTERNS || pattern >= m) {
        PyErr_SetString(PyExc_ValueError, "too many patterns");
        return NULL;
    }
    Py_ssize_t last[MAX_PATTERNS];
    for (Py_ssize_t k = 0; k < m; k++)
        last[k] = start;
    /* the first position >= start (bisection) */
    Py_ssize_t lo = 0, hi = n, p, i;
    while (lo < hi) {
        Py_ssize_t mid = (lo + hi) / 2;
        if (entry(positions, mid, pattern, &p, &i) < 0)
            return NULL;
        if (p < start)
            lo = mid + 1;
        else
            hi = mid;
    }
    PyObject *out = PyList_New(0);
    if (out == NULL)
        return NULL;
    PyObject *pend = PyLong_FromSsize_t(end);
    if (pend == NULL)
        goto fail;
    for (Py_ssize_t k = lo; k < n; k++) {
        if (entry(positions, k, pattern, &p, &i) < 0)
            goto fail;
        if (p >= end)
            break;
        if (i < 0 || i >= m) {
            PyErr_SetString(PyExc_IndexError, "pattern id out of range");
            goto fail;
        }
        if (p < last[i])
            continue;
        int got = try_at(PyList_GET_ITEM(matchers, i), i, text, p, pend, &last[i], out);
        if (got < 0)
            goto fail;
        if (got && first)
            break;
    }
    Py_DECREF(pend);
    return out;
fail:
    Py_XDECREF(pend);
    Py_DECREF(out);
    return NULL;
}

/* The first index of the sorted int list ``list`` whose value is >= ``start``; -1 on error. */
static Py_ssize_t
bisect_list(PyObject *list, Py_ssize_t start)
{
    Py_ssize_t lo = 0, hi = PyList_GET_SIZE(list);
    while (lo < hi) {
        Py_ssize_t mid = (lo + hi) / 2;
        Py_ssize_t v = PyLong_AsSsize_t(PyList_GET_ITEM(list, mid));
        if (v == -1 && PyErr_Occurred())
            return -1;
        if (v < start)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The lists found[i] of ``ids`` (borrowed) and each one's first index at ``start``; the
 * number of lists, or -1 on error. */
static Py_ssize_t
heads(PyObject *found, PyObject *ids, Py_ssize_t start, PyObject **lists, Py_ssize_t *head,
      Py_ssize_t *pid)
{
    Py_ssize_t k = PyTuple_GET_SIZE(ids);
    if (k > MAX_PATTERNS) {
        PyErr_SetString(PyExc_ValueError, "too many patterns");
        return -1;
    }
    for (Py_ssize_t j = 0; j < k; j++) {
        Py_ssize_t i = PyLong_AsSsize_t(PyTuple_GET_ITEM(ids, j));
        if (i < 0 || i >= PyList_GET_SIZE(found)) {
            if (!PyErr_Occurred())
                PyErr_SetString(PyExc_IndexError, "pattern id out of range");
            return -1;
        }
        PyObject *list = PyList_GET_ITEM(found, i);
        if (!PyList_Check(list)) {
            PyErr_SetString(PyExc_TypeError, "found: lists of positions");
            return -1;
        }
        lists[j] = list;
        pid[j] = i;
        head[j] = bisect_list(list, start);
        if (head[j] < 0)
            return -1;
    }
    return k;
}

static PyObject *
scan_lists(PyObject *self, PyObject *args)
{
    PyObject *found, *ids, *matchers, *text;
    Py_ssize_t start, end;
    int first;
    if (!PyArg_ParseTuple(args, "O!O!nnO!Up", &PyList_Type, &found, &PyTuple_Type, &ids,
                          &start, &end, &PyList_Type, &matchers, &text, &first))
        return NULL;
    PyObject *lists[MAX_PATTERNS];
    Py_ssize_t head[MAX_PATTERNS], pid[MAX_PATTERNS], last[MAX_PATTERNS], pos[MAX_PATTERNS];
    Py_ssize_t k = heads(found, ids, start, lists, head, pid);
    if (k < 0)
        return NULL;
    Py_ssize_t m = PyList_GET_SIZE(matchers);
    for (Py_ssize_t j = 0; j < k; j++) {
        if (pid[j] >= m) {
            PyErr_SetString(PyExc_IndexError, "pattern id out of range");
            return NULL;
        }
        last[j] = start;
        pos[j] = PY_SSIZE_T_MAX;        /* the position at head[j] (MAX: none before end) */
        if (head[j] < PyList_GET_SIZE(lists[j])) {
            pos[j] = PyLong_AsSsize_t(PyList_GET_ITEM(lists[j], head[j]));
            if (pos[j] == -1 && PyErr_Occurred())
                return NULL;
        }
    }
    PyObject *out = PyList_New(0);
    if (out == NULL)
        return NULL;
    PyObject *pend = PyLong_FromSsize_t(end);
    if (pend == NULL)
        goto fail;
    for (;;) {
        /* the smallest (position, pattern) at the heads */
        Py_ssize_t best = -1;
        for (Py_ssize_t j = 0; j < k; j++)
            if (pos[j] < end && (best < 0 || pos[j] < pos[best]
                                 || (pos[j] == pos[best] && pid[j] < pid[best])))
                best = j;
        if (best < 0)
            break;
        Py_ssize_t p = pos[best];
        head[best]++;
        pos[best] = PY_SSIZE_T_MAX;
        if (head[best] < PyList_GET_SIZE(lists[best])) {
            pos[best] = PyLong_AsSsize_t(PyList_GET_ITEM(lists[best], head[best]));
            if (pos[best] == -1 && PyErr_Occurred())
                goto fail;
        }
        if (p < last[best])
            continue;
        int got = try_at(PyList_GET_ITEM(matchers, pid[best]), pid[best], text, p, pend,
                         &last[best], out);
        if (got < 0)
            goto fail;
        if (got && first)
            break;
    }
    Py_DECREF(pend);
    return out;
fail:
    Py_XDECREF(pend);
    Py_DECREF(out);
    return NULL;
}

static PyObject *
any_in(PyObject *self, PyObject *args)
{
    PyObject *found, *ids;
    Py_ssize_t start, end;
    if (!PyArg_ParseTuple(args, "O!O!nn", &PyList_Type, &found, &PyTuple_Type, &ids, &start,
                          &end))
        return NULL;
    PyObject *lists[MAX_PATTERNS];
    Py_ssize_t head[MAX_PATTERNS], pid[MAX_PATTERNS];
    Py_ssize_t k = heads(found, ids, start, lists, head, pid);
    if (k < 0)
        return NULL;
    for (Py_ssize_t j = 0; j < k; j++) {
        if (head[j] < PyList_GET_SIZE(lists[j])) {
            Py_ssize_t p = PyLong_AsSsize_t(PyList_GET_ITEM(lists[j], head[j]));
            if (p == -1 && PyErr_Occurred())
                return NULL;
            if (p < end)
                Py_RETURN_TRUE;
        }
    }
    Py_RETURN_FALSE;
}

/* The words of geomap.unplaced (its lower_words and sentence_runs). */

/* re's \w on str: alphanumeric or "_" */
static inline int
is_word(Py_UCS4 ch)
{
    if (ch < 128)
        return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9')
               || ch == '_';
    return Py_UNICODE_ISALNUM(ch);
}

static inline int
is_decimal(Py_UCS4 ch)
{
    return ch < 128 ? ch >= '0' && ch <= '9' : Py_UNICODE_ISDECIMAL(ch);
}

static inline int
is_upper(Py_UCS4 ch)
{
    return ch < 128 ? ch >= 'A' && ch <= 'Z' : Py_UNICODE_ISUPPER(ch);
}

static inline int
is_lower(Py_UCS4 ch)
{
    return ch < 128 ? ch >= 'a' && ch <= 'z' : Py_UNICODE_ISLOWER(ch);
}

/* [\w’'\-] */
static inline int
in_chunk(Py_UCS4 ch)
{
    return is_word(ch) || ch == 0x2019 || ch == '\'' || ch == '-';
}

/* [^\W\d_]: a word character that is no decimal digit nor "_" */
static inline int
is_letter(Py_UCS4 ch)
{
    return is_word(ch) && !is_decimal(ch) && ch != '_';
}

static PyObject *
lower_words(PyObject *self, PyObject *args)
{
    PyObject *text;
    if (!PyArg_ParseTuple(args, "U", &text))
        return NULL;
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    PyObject *out = PySet_New(NULL);
    if (out == NULL)
        return NULL;
    Py_ssize_t p = 0;
    while (p < n) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, p);
        if (!is_letter(ch)) {
            p++;
            continue;
        }
        /* a run of letters: a word when no word character stands right before or after it */
        int ok = p == 0 || !is_word(PyUnicode_READ(kind, data, p - 1));
        int upper = 0, cased = 0;
        Py_ssize_t q = p;
        for (; q < n; q++) {
            ch = PyUnicode_READ(kind, data, q);
            if (!is_letter(ch))
                break;
            if (is_upper(ch) || (ch >= 128 && Py_UNICODE_ISTITLE(ch)))
                upper = 1;
            else if (is_lower(ch))
                cased = 1;
        }
        if (q < n && is_word(PyUnicode_READ(kind, data, q)))
            ok = 0;
        if (ok && cased && !upper) {
            PyObject *w = PyUnicode_Substring(text, p, q);
            if (w == NULL || PySet_Add(out, w) < 0) {
                Py_XDECREF(w);
                Py_DECREF(out);
                return NULL;
            }
            Py_DECREF(w);
        }
        p = q;
    }
    return out;
}

/* FNV-1a (64 bits) of the words (runs of word characters) of text[a:b] joined by single
 * spaces, as code points; 0 for fewer than min_words words (a hash of 0 is given as 1). */
static PyObject *
word_print(PyObject *self, PyObject *args)
{
    PyObject *text;
    Py_ssize_t a, b, min_words;
    if (!PyArg_ParseTuple(args, "Unnn", &text, &a, &b, &min_words))
        return NULL;
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    if (a < 0)
        a = 0;
    if (b > n)
        b = n;
    uint64_t h = 14695981039346656037ULL;
    Py_ssize_t words = 0;
    int inside = 0;
    for (Py_ssize_t p = a; p < b; p++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, p);
        if (!is_word(ch)) {
            inside = 0;
            continue;
        }
        if (!inside) {
            if (words) {
                h ^= ' ';
                h *= 1099511628211ULL;
            }
            words++;
            inside = 1;
        }
        h ^= ch;
        h *= 1099511628211ULL;
    }
    if (words < min_words)
        return PyLong_FromLong(0);
    return PyLong_FromUnsignedLongLong(h ? h : 1);
}

/* [\d_’'\-]: what may come before a word's first letter in its chunk */
static inline int
is_lead(Py_UCS4 ch)
{
    return is_decimal(ch) || ch == '_' || ch == 0x2019 || ch == '\'' || ch == '-';
}

typedef struct {
    Py_ssize_t *start, *end;
    Py_ssize_t n, cap;
} Run;

static int
run_push(Run *run, Py_ssize_t a, Py_ssize_t b)
{
    if (run->n == run->cap) {
        Py_ssize_t cap = run->cap ? 2 * run->cap : 16;
        Py_ssize_t *s = PyMem_Realloc(run->start, cap * sizeof(Py_ssize_t));
        if (s == NULL)
            return -1;
        run->start = s;
        Py_ssize_t *e = PyMem_Realloc(run->end, cap * sizeof(Py_ssize_t));
        if (e == NULL)
            return -1;
        run->end = e;
        run->cap = cap;
    }
    run->start[run->n] = a;
    run->end[run->n] = b;
    run->n++;
    return 0;
}

/* The run's leading words that the text also writes in lower case, or that are lead words,
 * left out; the rest appended to ``out`` as (k, start, end) when of 1 to max_words words. */
static int
flush(Run *run, PyObject *text, Py_ssize_t k, PyObject *lower, PyObject *lead,
      Py_ssize_t max_words, PyObject *out)
{
    Py_ssize_t first = 0;
    while (first < run->n) {
        PyObject *w = PyUnicode_Substring(text, run->start[first], run->end[first]);
        if (w == NULL)
            return -1;
        PyObject *low = PyObject_CallMethod(w, "lower", NULL);
        Py_DECREF(w);
        if (low == NULL)
            return -1;
        int skip = PySet_Contains(lower, low);
        if (skip == 0)
            skip = PySet_Contains(lead, low);
        Py_DECREF(low);
        if (skip < 0)
            return -1;
        if (!skip)
            break;
        first++;
    }
    Py_ssize_t words = run->n - first;
    if (words > 0 && words <= max_words) {
        PyObject *t = Py_BuildValue("(nnn)", k, run->start[first], run->end[run->n - 1]);
        if (t == NULL || PyList_Append(out, t) < 0) {
            Py_XDECREF(t);
            return -1;
        }
        Py_DECREF(t);
    }
    run->n = 0;
    return 0;
}

static PyObject *
capitalised_runs(PyObject *self, PyObject *args)
{
    PyObject *text, *spans, *lower, *lead;
    Py_ssize_t max_words;
    if (!PyArg_ParseTuple(args, "UO!O!O!n", &text, &PyList_Type, &spans, &PySet_Type, &lower,
                          &PyFrozenSet_Type, &lead, &max_words))
        return NULL;
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    PyObject *out = PyList_New(0);
    if (out == NULL)
        return NULL;
    Run run = {NULL, NULL, 0, 0};
    for (Py_ssize_t k = 0; k < PyList_GET_SIZE(spans); k++) {
        PyObject *span = PyList_GET_ITEM(spans, k);
        Py_ssize_t s, e;
        if (!PyTuple_Check(span) || !PyArg_ParseTuple(span, "nn", &s, &e))
            goto fail;
        if (s < 0 || e > n || s > e) {
            PyErr_SetString(PyExc_ValueError, "span outside the text");
            goto fail;
        }
        Py_ssize_t p = s;
        while (p < e) {
            /* the next chunk of [\w’'\-] characters in the sentence */
            if (!in_chunk(PyUnicode_READ(kind, data, p))) {
                p++;
                continue;
            }
            Py_ssize_t g = p;
            while (g < e && is_lead(PyUnicode_READ(kind, data, g)))
                g++;
            Py_ssize_t q = g;
            while (q < e && in_chunk(PyUnicode_READ(kind, data, q)))
                q++;
            if (g < q) {
                Py_UCS4 ch = PyUnicode_READ(kind, data, g);
                /* a word whose first letter is not a lower-case one below U+0590 */
                if (!(ch < 0x590 && is_lower(ch))) {
                    if (!is_upper(ch)) {
                        if (flush(&run, text, k, lower, lead, max_words, out) < 0)
                            goto fail;
                    } else {
                        if (run.n) {
                            Py_ssize_t last = run.end[run.n - 1];
                            int one_space = g - last == 1 && (
                                PyUnicode_READ(kind, data, last) == ' '
                                || PyUnicode_READ(kind, data, last) == 0xa0);
                            if (!one_space
                                    && flush(&run, text, k, lower, lead, max_words, out) < 0)
                                goto fail;
                        }
                        if (run_push(&run, g, q) < 0) {
                            PyErr_NoMemory();
                            goto fail;
                        }
                    }
                }
            }
            p = q;
        }
        if (flush(&run, text, k, lower, lead, max_words, out) < 0)
            goto fail;
    }
    PyMem_Free(run.start);
    PyMem_Free(run.end);
    return out;
fail:
    PyMem_Free(run.start);
    PyMem_Free(run.end);
    Py_DECREF(out);
    return NULL;
}

static PyMethodDef methods[] = {
    {"collect", collect, METH_VARARGS, "File the literal hits of a text per pattern."},
    {"scan", scan, METH_VARARGS, "The matches the candidate positions give in a span."},
    {"scan_lists", scan_lists, METH_VARARGS,
     "scan() over several patterns' sorted position lists, merged as it goes."},
    {"any_in", any_in, METH_VARARGS, "Whether one of several sorted lists has a position in a span."},
    {"lower_words", lower_words, METH_VARARGS, "The words a text writes in lower case."},
    {"word_print", word_print, METH_VARARGS, "FNV-1a of the words of a span, joined by spaces."},
    {"capitalised_runs", capitalised_runs, METH_VARARGS,
     "The runs of capitalised words of each sentence of a text."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "geomap._keyscan",
    "Compiled loops of geomap.keyscan and geomap.unplaced.", -1, methods,
};

PyMODINIT_FUNC
PyInit__keyscan(void)
{
    return PyModule_Create(&module);
}
