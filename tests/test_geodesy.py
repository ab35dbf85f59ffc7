from geomap.geodesy import BORDER_COUNTRIES, haversine_km


def test_haversine_known_distance():
    # Vilnius (54.687, 25.280) to Minsk (53.900, 27.567): about 172 km.
    assert 170 < haversine_km(54.687, 25.280, 53.900, 27.567) < 175
    assert haversine_km(54.0, 25.0, 54.0, 25.0) == 0.0
    # one degree of latitude is about 111.2 km
    assert abs(haversine_km(54.0, 25.0, 55.0, 25.0) - 111.19) < 0.05


def test_border_countries():
    assert BORDER_COUNTRIES == {"LT", "LV", "PL", "BY"}
