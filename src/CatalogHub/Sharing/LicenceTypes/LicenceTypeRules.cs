using CatalogHub.Sharing.Licences;

namespace CatalogHub.Sharing.LicenceTypes;

/// <summary>Input rules of a licence type's content.</summary>
public static class LicenceTypeRules
{
    [ProblemCodes(400, "invalid-face-schema")]
    public static void Check(Validation v, LicenceTypeContent? content)
    {
        if (content is null)
        {
            v.Add("content", "required", "is required.");
            return;
        }
        v.Text("content.name", content.Name, 100);
        FaceSchema.Check(v, "content.faceSchema", content.FaceSchema);
    }

    [ProblemCodes(400, "invalid-type-code")]
    public static void CheckCode(Validation v, string? code)
    {
        if (v.Text("code", code, 32))
            v.Check(LicenceIdentifier.TypeCodeShape().IsMatch(code!), "code", "invalid-type-code",
                "must be 2-32 upper-case letters or digits: it becomes part of every licence identifier.");
    }
}
