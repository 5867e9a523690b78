
namespace CatalogHub.Catalogue;

/// <summary>A legal basis (设定和实施依据) of an item: which law, of which level, which article.</summary>
public sealed record LegalBasis(string Title, string Level, string Article);

/// <summary>
/// What a version of a base catalogue entry (基本目录事项) says. Versions copy it whole, so a version never changes.
/// An entry is an item of the list registered in <see cref="CatalogueList"/>: (region, item code) is unique among
/// entries that are not withdrawn, and only its published versions are ever a legal basis.
/// </summary>
public sealed record EntryContent(
    string Name, string Category, string CompetentDepartment, string ImplementingAuthority,
    IReadOnlyList<LegalBasis> LegalBases, string? ExternalSourceId);
