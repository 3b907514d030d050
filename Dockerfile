# Airgate on the official ASP.NET Core runtime image, as a non-root user, with a health check.
# Not built on the development machines (no container runtime there); CI exercises the same publish in .ci/publish-smoke.
#   docker build -t airgate .
#   docker run -p 8080:8080 -v /etc/airgate:/etc/airgate:ro -e Airgate__Registry__Path=/etc/airgate/registry ... airgate
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/Airgate -c Release -o /app -p:DebugType=none -p:GenerateDocumentationFile=false

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
# The runtime image has no curl: the health check uses bash's /dev/tcp to ask /health/ready.
HEALTHCHECK --interval=30s --timeout=3s --start-period=20s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /health/ready HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["dotnet", "airgate.dll"]
CMD ["serve"]
