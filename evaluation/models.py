# The evaluation models arrive with the evaluation issue.
