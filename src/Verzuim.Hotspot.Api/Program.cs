using Verzuim.Hotspot.Api.Access;
using Verzuim.Hotspot.Api.Agenda;
using Verzuim.Hotspot.Api.Flows;
using Verzuim.Hotspot.Api.Health;
using Verzuim.Hotspot.Api.Hotspots;
using Verzuim.Hotspot.Api.Institutions;
using Verzuim.Hotspot.Api.Layers;
using Verzuim.Hotspot.Api.Locate;
using Verzuim.Hotspot.Api.Municipalities;
using Verzuim.Hotspot.Api.Packs;
using Verzuim.Hotspot.Api.Postcodes;
using Verzuim.Hotspot.Api.Regions;
using Verzuim.Hotspot.Api.Viewer;

var builder = WebApplication.CreateBuilder(args);

builder.UseHotspotSocketTransport();

builder.AddHotspotData();
builder.Services.AddHotspotProblemDetails();
builder.Services.AddHotspotJson();
builder.Services.AddHotspotOpenApi();
builder.Services.AddHotspotCaching();
builder.Services.AddCounts();
builder.Services.AddDisclosure();
builder.Services.AddHotspotHttp();
builder.Services.AddHotspotLoadShedding();
builder.Services.AddAccess();
builder.Services.AddLayers();
builder.Services.AddHotspots();
builder.Services.AddFlows();
builder.Services.AddViewer();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseHotspotHttp();
app.UseAccess();
app.UseHotspotOpenApi();
app.UseViewer();

app.MapHealth();
app.MapAccess();
app.MapRegions();
app.MapMunicipalities();
app.MapPostcodes();
app.MapLocate();
app.MapInstitutions();
app.MapCounts();
app.MapLayers();
app.MapHotspots();
app.MapOutliers();
app.MapTrends();
app.MapFlows();
app.MapAgenda();
app.MapViewer();
app.MapPacks();

app.Run();
