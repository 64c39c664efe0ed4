# The charter models arrive with the charter issue.
