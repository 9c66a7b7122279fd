"""What several of the awards' subjects share: model checks, form fields, view and
admin helpers, the documents' wording of counts and legal bases."""
