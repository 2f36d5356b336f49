"""The link function the site hands the text core, as the tests spell it (/films/KEY/, /people/KEY/)."""


def href(kind: str, key: str) -> str:
    return f"/{'films' if kind == 'film' else 'people'}/{key}/"
