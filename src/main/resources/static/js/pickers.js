// Searchable pickers (tom-select) for orgs, people and teams.
