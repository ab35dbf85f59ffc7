/* Optional compiled loops of geomap.keyscan (built when a C compiler is present; without it
 * keyscan runs the same loops in Python, and tests compare the two).
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
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

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
        PyObject *pp = PyLong_FromSsize_t(p);
        if (pp == NULL)
            goto fail;
        PyObject *argv[3] = {text, pp, pend};
        PyObject *got = PyObject_Vectorcall(PyList_GET_ITEM(matchers, i), argv, 3, NULL);
        Py_DECREF(pp);
        if (got == NULL)
            goto fail;
        if (got == Py_None) {
            Py_DECREF(got);
            continue;
        }
        PyObject *e = PyObject_CallMethod(got, "end", NULL);
        if (e == NULL) {
            Py_DECREF(got);
            goto fail;
        }
        last[i] = PyLong_AsSsize_t(e);
        Py_DECREF(e);
        PyObject *pair = Py_BuildValue("(nN)", i, got);
        if (pair == NULL || PyList_Append(out, pair) < 0) {
            Py_XDECREF(pair);
            goto fail;
        }
        Py_DECREF(pair);
        if (first)
            break;
    }
    Py_DECREF(pend);
    return out;
fail:
    Py_XDECREF(pend);
    Py_DECREF(out);
    return NULL;
}

static PyMethodDef methods[] = {
    {"collect", collect, METH_VARARGS, "File the literal hits of a text per pattern."},
    {"scan", scan, METH_VARARGS, "The matches the candidate positions give in a span."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "geomap._keyscan", "Compiled loops of geomap.keyscan.", -1, methods,
};

PyMODINIT_FUNC
PyInit__keyscan(void)
{
    return PyModule_Create(&module);
}
