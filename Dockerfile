# The API and its import console in one image; on start it migrates and loads what the database lacks.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/Verzuim.Hotspot.Api -c Release -o /app/api \
 && dotnet publish src/Verzuim.Hotspot.Import -c Release -o /app/import

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app /app
COPY geodata /app/geodata
ENV Geography__GeodataPath=/app/geodata
EXPOSE 8080
CMD ["sh", "-c", "dotnet /app/import/Verzuim.Hotspot.Import.dll setup --geodata /app/geodata && cd /app/api && exec dotnet Verzuim.Hotspot.Api.dll"]
