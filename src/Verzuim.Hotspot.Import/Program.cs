using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Verzuim.Hotspot.Api.Data;
using Verzuim.Hotspot.Import;

// A thin console over the API's Import/ classes: parse arguments, build a host, run one command.
var command = ImportCommand.Parse(args);
if (command is null)
{
    Console.Error.WriteLine(ImportCommand.Usage);
    return 2;
}

var builder = Host.CreateApplicationBuilder();
builder.AddHotspotData();
builder.Services.AddImportCommands();

using var host = builder.Build();
using var cts = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cts.Cancel(); };
return await host.Services.GetRequiredService<ImportRunner>().RunAsync(command, cts.Token);
