#!/usr/bin/python3
"""Reference figures for test/agreement*.test.ts, from independent implementations.

Reads JSON from standard input:
  {"variables": [{"name": str, "coders": [str, ...], "units": [[value or null, ...], ...]}]}
one list of values per unit, in the order of "coders"; null is a missing value.

Writes, per variable:
  pairs: for each two coders, over the units both gave a value: units, percentage
         agreement, Cohen's kappa (scikit-learn), Krippendorff's alpha (NLTK, on
         the two coders' values only);
  all:   over every coder: units with two or more values, the share of agreeing
         pairs of values among all pairs given to the same unit, Krippendorff's
         alpha (NLTK's AnnotationTask, which leaves out missing values), Fleiss'
         kappa (statsmodels) when every unit has the same number of values;
  labels: the categories among the values that can be paired.
A figure the library cannot give (division by zero, a single category) is null,
and so is NLTK's alpha when there is only one category (it returns 1 by
convention there; Krippendorff leaves alpha undefined).

Needs Debian's python3-sklearn, python3-statsmodels and python3-nltk.
"""
import json
import math
import sys
import warnings

try:
    import numpy
    from nltk.metrics.agreement import AnnotationTask
    from sklearn.metrics import cohen_kappa_score
    from statsmodels.stats.inter_rater import aggregate_raters, fleiss_kappa
except ImportError as error:
    sys.stderr.write(
        "The agreement reference needs scikit-learn, statsmodels and NLTK for /usr/bin/python3 (%s). "
        "Install them with: apt-get install python3-sklearn python3-statsmodels python3-nltk\n" % error
    )
    sys.exit(3)


def number(value):
    if value is None:
        return None
    value = float(value)
    return None if math.isnan(value) or math.isinf(value) else value


def alpha_of(triples):
    """Krippendorff's alpha by NLTK; None where it is undefined."""
    by_unit = {}
    for coder, unit, label in triples:
        by_unit.setdefault(unit, []).append(label)
    pairable = {label for labels in by_unit.values() if len(labels) >= 2 for label in labels}
    if len(pairable) < 2:
        return None
    try:
        return number(AnnotationTask(data=triples).alpha())
    except (ZeroDivisionError, ValueError):
        return None


def pair_figures(variable, i, j):
    a, b = [], []
    for values in variable["units"]:
        if values[i] is not None and values[j] is not None:
            a.append(values[i])
            b.append(values[j])
    if not a:
        return {"units": 0, "percent": None, "kappa": None, "alpha": None}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        kappa = number(cohen_kappa_score(a, b))
    triples = [(c, str(u), label) for u, pair in enumerate(zip(a, b)) for c, label in zip(("a", "b"), pair)]
    return {
        "units": len(a),
        "percent": sum(1 for x, y in zip(a, b) if x == y) / len(a),
        "kappa": kappa,
        "alpha": alpha_of(triples),
    }


def all_figures(variable):
    coders = variable["coders"]
    units = [values for values in variable["units"] if sum(v is not None for v in values) >= 2]
    agreeing = pairs = 0
    for values in units:
        present = [v for v in values if v is not None]
        for x in range(len(present)):
            for y in range(x + 1, len(present)):
                pairs += 1
                agreeing += present[x] == present[y]
    triples = [(coders[k], str(u), v) for u, values in enumerate(units) for k, v in enumerate(values) if v is not None]
    counts = {sum(v is not None for v in values) for values in units}
    fleiss = None
    if len(counts) == 1:
        labels = sorted({v for values in units for v in values if v is not None})
        index = {label: n for n, label in enumerate(labels)}
        ratings = numpy.array([[index[v] for v in values if v is not None] for values in units])
        table, _ = aggregate_raters(ratings, n_cat=len(labels))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            fleiss = number(fleiss_kappa(table, method="fleiss"))
    return {
        "units": len(units),
        "percent": agreeing / pairs if pairs else None,
        "alpha": alpha_of(triples) if units else None,
        "fleiss": fleiss,
        "equal": len(counts) <= 1,
    }


def figures(variable):
    coders = variable["coders"]
    pairs = []
    for i in range(len(coders)):
        for j in range(i + 1, len(coders)):
            pairs.append(dict(a=coders[i], b=coders[j], **pair_figures(variable, i, j)))
    labels = sorted({v for values in variable["units"] if sum(x is not None for x in values) >= 2 for v in values if v is not None})
    return {"name": variable["name"], "pairs": pairs, "all": all_figures(variable), "labels": labels}


def main():
    request = json.load(sys.stdin)
    json.dump({"variables": [figures(v) for v in request["variables"]]}, sys.stdout)


if __name__ == "__main__":
    main()
