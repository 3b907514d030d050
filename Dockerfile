# Airgate on the official ASP.NET Core runtime image, as a non-root user, with a liveness health check.
# Each build stage is one step of build/image.sh; CI runs the same steps without Docker (.ci/publish-smoke).
#   docker build -t airgate .
#   docker run -p 8080:8080 -v /etc/airgate:/etc/airgate:ro -e Airgate__Registry__Path=/etc/airgate/registry ... airgate
# Settings: appsettings.Production.json beside the executable (/app), Airgate__* variables or --Airgate:... switches.

# The launchpad page (ui/): Node pinned to the version CI builds it with, packages from the lock file.
FROM node:20.20.2-bookworm-slim AS ui
WORKDIR /src
COPY build/image.sh build/
COPY clients/openapi/ clients/openapi/
COPY ui/ ui/
RUN bash build/image.sh ui

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
COPY --from=ui /src/ui/dist ui/dist
RUN bash build/image.sh publish /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
# The image's built-in non-root user (uid 1654); the SQLite default file goes to a volume it owns.
RUN mkdir -p /var/lib/airgate && chown app:app /var/lib/airgate
USER app
ENV ASPNETCORE_URLS=http://+:8080 \
    Airgate__Database__ConnectionString="Data Source=/var/lib/airgate/airgate.db"
VOLUME /var/lib/airgate
EXPOSE 8080
# Liveness only: /health/live answers while the process does, so an Airflow outage never gets a healthy gateway
# restarted. Readiness (/health/ready: database and Airflow) is for the orchestrator's traffic decisions (README
# "Deployment"). The runtime image has no curl: bash's /dev/tcp asks.
HEALTHCHECK --interval=30s --timeout=3s --start-period=20s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /health/live HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["dotnet", "airgate.dll"]
CMD ["serve"]
