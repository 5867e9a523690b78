using System.Text;
using CatalogHub.Audit.Log;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;

namespace CatalogHub.Tests.Audit.Log;

public sealed class Signed_notes
{
    /// <summary>The example of C2SP signed-note (Testdata/README.md), byte for byte.</summary>
    private const string ExampleVerifierKey = "example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k";
    private const string ExampleNote = "This is an example message.\n\n" +
        "\u2014 example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n";

    private static LogKeys DevelopmentKeys(string origin = "cataloghub.xuchang.example/log") => LogKeys.From(
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [LogKeys.OriginSetting] = origin }).Build(),
        new HostingEnvironment { EnvironmentName = Environments.Development }, NullLogger.Instance);

    [Fact]
    public void the_c2sp_example_note_verifies_with_its_verifier_key_and_not_once_altered()
    {
        var key = NoteKey.FromVerifierKey(ExampleVerifierKey);
        Assert.NotNull(key);
        Assert.Equal(0x530d903au, key.KeyId); // SHA-256(name ‖ 0x0A ‖ 0x01 ‖ public key)[:4], recomputed from the key
        Assert.Equal("This is an example message.\n", SignedNote.Open(ExampleNote, [key]));

        Assert.Null(SignedNote.Open(ExampleNote.Replace("example message", "example massage"), [key]));
        // A note with no signature by a known key is rejected; an unknown key's line is ignored.
        Assert.Null(SignedNote.Open(ExampleNote, DevelopmentKeys().VerifierKeys));
        Assert.Equal("This is an example message.\n", SignedNote.Open(ExampleNote, [.. DevelopmentKeys().VerifierKeys, key]));
        // Same name, another id: not the key that signed, so it is not consulted.
        Assert.Null(NoteKey.FromVerifierKey(ExampleVerifierKey.Replace("530d903a", "530d903b")));
    }

    [Fact]
    public void a_checkpoint_carries_an_ed25519_and_an_sm2_line_each_verifiable_alone()
    {
        var keys = DevelopmentKeys();
        var root = Merkle.LeafHash("许昌市政务服务事项基本目录"u8);
        var note = SignedNote.Sign(Checkpoints.Body(keys.Origin, 411081, root), keys.Signers);

        var lines = note.Split('\n');
        Assert.Equal(["cataloghub.xuchang.example/log", "411081", Convert.ToBase64String(root), ""], lines[..4]);
        Assert.All(lines[4..6], l => Assert.StartsWith("\u2014 cataloghub.xuchang.example/log ", l));
        foreach (var key in keys.VerifierKeys)
        {
            var published = NoteKey.FromVerifierKey(key.VerifierKey)!;
            var text = SignedNote.Open(note, [published]);
            var (size, signedRoot) = Checkpoints.ReadBody(text!, keys.Origin)!.Value;
            Assert.Equal(411081L, size);
            Assert.Equal(root, signedRoot);
            Assert.Null(SignedNote.Open(note.Replace("411081", "411082"), [published]));
        }
        Assert.IsType<Ed25519NoteKey>(NoteKey.FromVerifierKey(keys.VerifierKeys.First().VerifierKey));
        Assert.IsType<Sm2NoteKey>(NoteKey.FromVerifierKey(keys.VerifierKeys.Last().VerifierKey));
        Assert.Equal(2, keys.VerifierKeys.Select(k => k.KeyId).Distinct().Count());
    }

    [Fact]
    public void keys_outside_development_must_be_configured()
    {
        var production = new HostingEnvironment { EnvironmentName = Environments.Production };
        var refused = Assert.Throws<InvalidOperationException>(() => LogKeys.From(new ConfigurationBuilder().Build(), production, NullLogger.Instance));
        Assert.Contains(LogKeys.Ed25519Setting, refused.Message);

        var seed = Convert.ToBase64String(Encoding.ASCII.GetBytes("0123456789abcdef0123456789abcdef"));
        var configured = LogKeys.From(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            { [LogKeys.Ed25519Setting] = seed, [LogKeys.Sm2Setting] = seed }).Build(), production, NullLogger.Instance);
        Assert.Equal(LogKeys.DefaultOrigin, configured.Origin);
        Assert.NotEqual(DevelopmentKeys(LogKeys.DefaultOrigin).VerifierKeys.First().VerifierKey, configured.VerifierKeys.First().VerifierKey);
    }
}
