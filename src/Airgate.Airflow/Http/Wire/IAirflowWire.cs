namespace Airgate.Airflow.Http.Wire;

/// <summary>A wire shape that can tell whether Airflow filled what it must (an explicit null passes the serializer).</summary>
internal interface IAirflowWire
{
    bool IsComplete { get; }
}
