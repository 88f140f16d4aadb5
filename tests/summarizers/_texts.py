"""News-like texts written for these tests (no real article text)."""

ARTICLE_TITLE = "Council approves river bridge after ten-year campaign"

_PARAGRAPHS = [
    "The city council approved a new bridge over the river on Monday, "
    "ending a ten-year campaign by residents.",
    "The bridge will cost 40 million pounds and link the two halves of the town. "
    "Work starts in May and should take two years. "
    "The council said the bridge would cut traffic in the old town by a third.",
    "Residents had asked for a bridge since the ferry closed in 2014. "
    '"We have waited a long time," said one resident who crossed the river every day. '
    "Shop owners in the old town welcomed the vote.",
    "Critics said the bridge was too costly for a small town. "
    "The opposition group on the council voted against the plan and asked for a new "
    "traffic study. They said the money should go to schools and buses instead.",
    "The mayor said the bridge would pay for itself within twenty years. "
    "Construction firms have until March to bid for the contract. "
    "A public meeting on the design will be held next week.",
]

ARTICLE = "\n\n".join(_PARAGRAPHS) + "\n"
