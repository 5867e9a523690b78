using System.Text.Json;
using CatalogHub.BasisCheck;
using CatalogHub.ImplementationLists;

namespace CatalogHub.Tests.BasisCheck;

/// <summary>
/// The index reads published content with one instance per distinct short text (issue 14's memory target): the same material
/// named in two versions is one string, and what it reads is exactly what the plain options read, escapes and long texts included.
/// </summary>
public sealed class Pooled_strings
{
    private static Material Read(string json) => JsonSerializer.Deserialize<Material>(json, PooledStrings.Json)!;

    private static string MaterialJson(string name, string licenceTypeCode) =>
        $$"""{"name":"{{name}}","required":true,"form":"electronic","copies":1,"source":"e-licence","licenceTypeCode":"{{licenceTypeCode}}"}""";

    [Fact]
    public void the_same_text_read_in_two_versions_is_one_instance()
    {
        var first = Read(MaterialJson("居民身份证", "11100000000013338W001"));
        var second = Read(MaterialJson("居民身份证", "11100000000013338W001"));
        Assert.Equal("居民身份证", first.Name);
        Assert.Same(first.Name, second.Name);
        Assert.Same(first.LicenceTypeCode, second.LicenceTypeCode);
    }

    [Fact]
    public void escaped_texts_read_as_their_characters_and_share_the_instance_of_the_unescaped_text()
    {
        var plain = Read(MaterialJson("营业执照", "91410000MA44XQ1T3E001"));
        var escaped = Read(MaterialJson("\\u8425\\u4e1a\\u6267\\u7167", "91410000MA44XQ1T3E001"));
        Assert.Equal("营业执照", escaped.Name);
        Assert.Same(plain.Name, escaped.Name);
    }

    [Fact]
    public void a_text_longer_than_the_pooled_length_is_read_whole_and_not_shared()
    {
        var name = string.Concat(Enumerable.Repeat("申请人以告知承诺方式取得许可的，应当在承诺期限内提交相关材料。", 8));
        Assert.True(name.Length > PooledStrings.MaxPooledLength);
        var first = Read(MaterialJson(name, "11100000000013338W001"));
        var second = Read(MaterialJson(name, "11100000000013338W001"));
        Assert.Equal(name, first.Name);
        Assert.NotSame(first.Name, second.Name);
        // At the length in three-byte characters the text is pooled; one Latin letter over it, it is not.
        var atLength = new string('证', PooledStrings.MaxPooledLength);
        Assert.Same(Read(MaterialJson(atLength, "11100000000013338W001")).Name, Read(MaterialJson(atLength, "11100000000013338W001")).Name);
        var overLength = new string('A', PooledStrings.MaxPooledLength + 1);
        Assert.Equal(overLength, Read(MaterialJson(overLength, "11100000000013338W001")).Name);
        Assert.NotSame(Read(MaterialJson(overLength, "11100000000013338W001")).Name, Read(MaterialJson(overLength, "11100000000013338W001")).Name);
    }
}
