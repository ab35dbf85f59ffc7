"""A small hand-made gazetteer for unit tests (coordinates rounded from public sources)."""
from geomap.model import Place
from geomap.places.gazetteer import Gazetteer


def P(pid, name, lat, lon, country, kind, population=None, alts=(), source="test"):
    return Place(pid, name, lat, lon, country, kind, population, source, tuple(alts))


PLACES = [
    P("cc:LT", "Lithuania", 55.17, 23.88, "LT", "country", alts=("Lietuva", "Литва", "Litwa", "Litauen")),
    P("cc:BY", "Belarus", 53.71, 27.95, "BY", "country", alts=("Беларусь", "Białoruś", "Baltarusija", "Weißrussland")),
    P("cc:PL", "Poland", 51.92, 19.15, "PL", "country", alts=("Polska", "Польша", "Lenkija", "Polen")),
    P("cc:IQ", "Iraq", 33.0, 44.0, "IQ", "country", alts=("Ирак",)),
    P("gn:593116", "Vilnius", 54.68916, 25.2798, "LT", "capital", 542366, ("Вильнюс", "Wilno"), "geonames"),
    P("gn:625144", "Minsk", 53.9, 27.56667, "BY", "capital", 1742124, ("Минск", "Mińsk"), "geonames"),
    P("gn:98182", "Baghdad", 33.34058, 44.40088, "IQ", "capital", 7216000, ("Багдад",), "geonames"),
    P("gn:776069", "Białystok", 53.13333, 23.16433, "PL", "city", 291855, ("Bialystok", "Белосток"), "geonames"),
    P("gn:7531920", "Michałowo", 53.03492, 23.60996, "PL", "town", 3621, ("Michalowo",), "geonames"),
    P("gn:763397", "Michałów", 50.49541, 20.46178, "PL", "village", 1133, (), "geonames"),
    P("gn:594739", "Šalčininkai", 54.3, 25.38333, "LT", "town", 6000, ("Salcininkai", "Solecznik"), "geonames"),
    P("adm:LT:salcininkai", "Šalčininkai District Municipality", 54.3, 25.38333, "LT", "district",
      alts=("Šalčininkai district", "Šalčininkų rajonas")),
    P("gn:598316", "Kaunas", 54.90272, 23.90961, "LT", "city", 374643, ("Kowno",), "geonames"),
    P("gn:3086999", "Police", 53.55214, 14.57182, "PL", "town", 34350, (), "geonames"),
    P("cur:dieveniskes", "Dieveniškės", 54.1989, 25.6256, "LT", "village", alts=("Dieveniskes", "Devenishki")),
    P("cur:kuznica", "Kuźnica", 53.5109, 23.6495, "PL", "village", alts=("Kuznica", "Kuznitsa", "Кузница")),
    P("cur:bruzgi", "Bruzgi", 53.5426, 23.7226, "BY", "village", alts=("Брузги",)),
    P("cur:bruzgi-kuznica", "Kuźnica–Bruzgi", 53.53, 23.69, "PL", "crossing",
      alts=("Bruzgi-Kuznica", "Bruzgi-Kuznitsa")),
    P("cur:medininkai", "Medininkai", 54.5376, 25.6445, "LT", "village"),
    P("cur:medininkai-crossing", "Medininkai–Kamenny Log", 54.5236, 25.7267, "LT", "crossing",
      alts=("Medininkai",)),
    P("gn:varniai", "Varniai", 55.74435, 22.37251, "LT", "town", 961, ("Medininkai",), "geonames"),
    P("gn:628035", "Hrodna", 53.6884, 23.8258, "BY", "city", 317365, ("Grodno", "Гродно", "Гродна"), "geonames"),
    P("adm:BY:hrodna-district", "Hrodna District", 53.6884, 23.8258, "BY", "district",
      alts=("Гродненский район",)),
    P("gn:lazdijai", "Lazdijai", 54.23333, 23.51667, "LT", "town", 4500, (), "geonames"),
    P("adm:LT:lazdijai", "Lazdijai District Municipality", 54.23333, 23.51667, "LT", "district",
      alts=("Lazdijai district", "Lazdijų rajonas")),
    P("cur:kapciamiestis", "Kapčiamiestis", 54.0, 23.65, "LT", "village"),
    P("gn:druskininkai", "Druskininkai", 54.01573, 23.98703, "LT", "town", 15000, (), "geonames"),
    P("gn:berlin", "Berlin", 52.52437, 13.41053, "DE", "capital", 3426354, (), "geonames"),
    P("gn:usnarz", "Usnarz Górny", 53.3, 23.9, "PL", "village"),
]


def gazetteer() -> Gazetteer:
    return Gazetteer(PLACES)
