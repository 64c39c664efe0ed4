# Models arrive with the publishing issue.
