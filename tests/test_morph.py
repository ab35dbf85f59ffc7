from geomap.morph import base_forms, guess_nominative, name_variants


def test_base_forms_and_name_variants_undo_declension():
    assert "vilnius" in base_forms("Vilniaus")
    assert "usnarz gorny" in name_variants(["Usnarzu", "Górnym"])


def test_oblique_endings_are_read_anywhere_with_the_language_from_the_letters():
    assert guess_nominative("Ivoškų") == ("Ivoškai", "Lithuanian genitive plural -ų -> -ai")
    assert guess_nominative("Kalvių")[0] == "Kalviai"
    assert guess_nominative("Zuikiškėse")[0] == "Zuikiškės"
    assert guess_nominative("Daugavpilī")[0] == "Daugavpils"
    assert guess_nominative("Zuikiškės") is None           # a nominative: nothing to undo
    assert guess_nominative("Usnarzu") is None             # Polish: not guessed here


def test_ambiguous_endings_only_before_a_designator_taking_the_genitive():
    assert guess_nominative("Kaplavas", "LV") is None
    assert guess_nominative("Kaplavas", "LV", genitive=True)[0] == "Kaplava"
    assert guess_nominative("Pāternieku", "LV", genitive=True)[0] == "Pāternieki"
    assert guess_nominative("Latežerio", "LT", genitive=True)[0] == "Latežeris"
    assert guess_nominative("Kapčiamiesčio", "LT", genitive=True)[0] == "Kapčiamiestis"
    assert guess_nominative("Latežerio", None, genitive=True) is None    # no language
    assert guess_nominative("Łosie", "LT", genitive=True) is None        # Polish letters


def test_polish_fleeting_e_and_plural_instrumental():
    # Gródek -> Gródka, Gródku, Gródkiem; Kozłówek -> Kozłówku; Orzeszek -> Orzeszku
    for word in ("Gródka", "Gródku", "Gródkiem", "Gródkowi"):
        assert "grodek" in base_forms(word), word
    assert "kozlowek" in base_forms("Kozłówku")
    assert "orzeszek" in base_forms("Orzeszku")
    # -ec, and -niec whose n softens (Kamieńca, folded "kamienca")
    assert "dobrzyniec" in base_forms("Dobrzyńcu")
    assert "kamieniec" in base_forms("Kamieńca")
    assert "krynki" in base_forms("Krynkami")
    assert "bor" in base_forms("Borze")                # locative of -r: Bór -> Borze
    assert "крынки" in base_forms("Крынками")
    assert "roek" not in base_forms("roku")          # a stem of two letters is not undone
    assert "gorodek" not in base_forms("Gródku")


def test_lithuanian_instrumental_plural():
    # "ties Dieveniškėmis", "su Švenčionimis", "už Kabeliais"
    assert "dieveniskes" in base_forms("Dieveniškėmis")
    assert "svencionys" in base_forms("Švenčionimis")
    assert "kabeliai" in base_forms("Kabeliais")
    assert guess_nominative("Zuikiškėmis")[0] == "Zuikiškės"
    assert "stasylos" in base_forms("Stasylose") and "stasylos" in base_forms("Stasylų")
    assert "baltoji voke" in name_variants(["Baltojoje", "Vokėje"])
    assert "baltoji voke" in name_variants(["Baltosios", "Vokės"])
    assert "naujasis daugeliskis" in name_variants(["Naujajame", "Daugėliškyje"])


def test_the_bundled_gazetteer_finds_the_inflected_forms():
    from geomap.places.files import bundled_gazetteer_dir
    from geomap.places.gazetteer import Gazetteer

    g = Gazetteer.load(bundled_gazetteer_dir())
    assert g.find("Gródku")[0].name == "Gródek"
    assert g.find("Krynkami")[0].name == "Krynki"
    assert g.find("Švenčionyse")[0].name == "Švenčionys"
    assert g.find("Dieveniškėmis")[0].name == "Dieveniškės"
    assert g.find("Czeremsze")[0].name == "Czeremcha"
    assert g.find("Крынками")[0].name == "Krynki"
    # Belarusian
    assert g.find("Брузгаў")[0].name == "Bruzgi" and g.find("Беларусі")[0].id == "cc:BY"
    assert g.find("Гродзенскай вобласці")[0].kind == "region"
    assert g.find("Кузніцы")[0].name == "Kuźnica" and g.find("Вільні")[0].name == "Vilnius"
    assert g.find("Czerwonym Borze")[0].id == "cur:camp-czerwony-bor"


def test_plural_adjectives_locative_plurals_and_belarusian_stems():
    assert "dubicze cerkiewne" in name_variants(["Dubiczami", "Cerkiewnymi"])  # instrumental pl.
    assert "бенякони" in base_forms("Беняконях")       # ru locative plural -ях
    assert "брэст" in base_forms("Брэсце")             # be locative: ст -> сц
    assert "podlaskie" in base_forms("Podlaskiem")      # pl locative of an adjectival noun
    for word in ("Астраўца", "Астраўцы", "Астраўцом"):  # be: fleeting е, в -> ў
        assert "астравец" in base_forms(word), word
    for word in ("Гродзенскім", "Гродзенскага", "Гродзенскаму"):  # be adjectives of districts
        assert "гродзенскі" in base_forms(word), word


def test_polish_genitive_plural_and_endings_per_language():
    from geomap.morph import base_forms, base_forms_in
    assert "bobrowniki" in base_forms("Bobrownik") and "ozierany" in base_forms("Ozieran")
    assert "bugai" in base_forms("Bugu")                 # any language's endings
    assert "bugai" not in base_forms_in("Bugu", "pl") and "bug" in base_forms_in("Bugu", "pl")
    assert "bugai" in base_forms_in("Bugu", "lt")
    assert "saliena" in base_forms_in("Salienas", "lv") and "saliena" in base_forms_in("Salienas", "lt")


def test_polish_genitive_plural_of_le_and_ce_names_and_russian_agreement():
    from geomap.morph import adjective_of_noun
    assert "kleszczele" in base_forms("Kleszczel")          # w rejonie Kleszczel
    assert "polowce" in base_forms("Połowców")              # i Połowców
    assert adjective_of_noun("Пограничной", "службы")       # the border service
    assert adjective_of_noun("Латвийской", "границы")
    assert not adjective_of_noun("Пограничном", "сегодня")  # an adverb: the name stands
    assert not adjective_of_noun("Пограничной", "задержали")
