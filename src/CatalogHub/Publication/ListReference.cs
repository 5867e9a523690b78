namespace CatalogHub.Publication;

/// <summary>
/// A reference from a list's content to an item of another published list (a proof item serves a base catalogue entry,
/// an implementation-list material is a listed proof). <c>Field</c> is where the reference sits, as the API names fields
/// (<c>content.servedEntries[0]</c>); <c>List</c> is the referenced list's name (<c>base-catalogue</c>, <c>proof-items</c>, ...).
/// Publishing content whose reference is not in force at the effective time is refused, naming the field.
/// </summary>
public sealed record ListReference(string Field, string List, Guid Id);
