# syntax=docker/dockerfile:1
# The portal as a container image; docker-compose.yml runs it with PostgreSQL.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/ src/
RUN dotnet publish src/TrajectoirEss.Web/TrajectoirEss.Web.csproj -c Release -o /app --no-self-contained

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
ENV ASPNETCORE_ENVIRONMENT=Production \
    ASPNETCORE_HTTP_PORTS=8080 \
    DOTNET_NOLOGO=1
EXPOSE 8080
# The image's unprivileged user; nothing is written to the file system (keys and data live in PostgreSQL).
USER $APP_UID
ENTRYPOINT ["dotnet", "TrajectoirEss.Web.dll"]
