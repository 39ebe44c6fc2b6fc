# syntax=docker/dockerfile:1
# The app's image: the front-end packages, the .NET build, the EF Core migration bundles, then a small non-root runtime.
#   docker build -t projectworkflow:1.0 .
# Secrets never go into the image: they come from the environment or from files (see docs/operations.md).

ARG DOTNET_SDK=mcr.microsoft.com/dotnet/sdk:10.0
ARG DOTNET_RUNTIME=mcr.microsoft.com/dotnet/aspnet:10.0
ARG NODE=node:22-bookworm-slim

# ---- 1. front-end packages (npm ci from the lock file, no install scripts)
FROM ${NODE} AS frontend
WORKDIR /web
COPY src/ProjectWorkflow.Web/package.json src/ProjectWorkflow.Web/package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund

# ---- 2. restore (cached while no project file changes), build and publish
FROM ${DOTNET_SDK} AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props dotnet-tools.json ./
COPY src/ProjectWorkflow.Engine/ProjectWorkflow.Engine.csproj src/ProjectWorkflow.Engine/
COPY src/ProjectWorkflow.Funding/ProjectWorkflow.Funding.csproj src/ProjectWorkflow.Funding/
COPY src/ProjectWorkflow.Application/ProjectWorkflow.Application.csproj src/ProjectWorkflow.Application/
COPY src/ProjectWorkflow.Migrations.Sqlite/ProjectWorkflow.Migrations.Sqlite.csproj src/ProjectWorkflow.Migrations.Sqlite/
COPY src/ProjectWorkflow.Migrations.SqlServer/ProjectWorkflow.Migrations.SqlServer.csproj src/ProjectWorkflow.Migrations.SqlServer/
COPY src/ProjectWorkflow.Migrations.PostgreSql/ProjectWorkflow.Migrations.PostgreSql.csproj src/ProjectWorkflow.Migrations.PostgreSql/
COPY src/ProjectWorkflow.Web/ProjectWorkflow.Web.csproj src/ProjectWorkflow.Web/
RUN dotnet restore src/ProjectWorkflow.Web/ProjectWorkflow.Web.csproj \
 && dotnet tool restore
COPY src/ src/
COPY workflows/ workflows/
# node_modules present: the Web project's build copies the portal's libraries into wwwroot/lib without running npm.
COPY --from=frontend /web/node_modules src/ProjectWorkflow.Web/node_modules
RUN dotnet publish src/ProjectWorkflow.Web/ProjectWorkflow.Web.csproj -c Release --no-restore -o /out/app
# One self-contained migration bundle per server database, for the migration job that runs before a new version starts.
RUN for provider in SqlServer PostgreSql; do \
      dotnet ef migrations bundle --configuration Release --self-contained \
        --project src/ProjectWorkflow.Migrations.$provider --startup-project src/ProjectWorkflow.Migrations.$provider \
        --output /out/migrations/efbundle-$(echo $provider | tr '[:upper:]' '[:lower:]') || exit 1; \
    done

# ---- 3. runtime: the ASP.NET Core runtime only, as the image's unprivileged user "app"
FROM ${DOTNET_RUNTIME} AS runtime
ENV ASPNETCORE_HTTP_PORTS=8080 \
    DOTNET_NOLOGO=1 \
    DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    DataDirectory=/var/lib/projectworkflow/data \
    Logging__Console__FormatterName=json \
    Logging__Console__FormatterOptions__IncludeScopes=true
WORKDIR /app
RUN mkdir -p /var/lib/projectworkflow/data \
 && chown -R $APP_UID:$APP_UID /var/lib/projectworkflow \
 && chmod 0700 /var/lib/projectworkflow/data
COPY --from=build --chown=root:root /out/app ./
COPY --from=build --chown=root:root /out/migrations /migrations
USER $APP_UID
EXPOSE 8080
VOLUME ["/var/lib/projectworkflow/data"]
# No curl in the runtime image: bash asks /health/live over a plain TCP socket.
HEALTHCHECK --interval=15s --timeout=5s --start-period=90s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /health/live HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["dotnet", "ProjectWorkflow.Web.dll"]
