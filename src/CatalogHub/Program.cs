using JasperFx;

var builder = WebApplication.CreateBuilder(args);
builder.AddCatalogHub();

var app = builder.Build();
app.UseCatalogHub();

return await app.RunJasperFxCommands(args);

/// <summary>The entry point, visible to the in-process test host.</summary>
public partial class Program;
