"""Parse benchmarks for newsdoc: a seeded scrape-like corpus and the runs that time it (not tests).

``python -m benchmarks.make_corpus OUT_DIR -n 20000 --seed 1`` writes a corpus; ``python -m benchmarks.run`` times
newsdoc against the read+decode floor, trafilatura and itself in two worker processes; ``python -m
benchmarks.profile_parse`` shows where parse spends its time. Figures are in ``docs/performance.rst``.
"""
