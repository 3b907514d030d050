namespace Airgate.Runs.Events;

internal enum StreamRefusal
{
    None,
    UserFull,
    ProcessFull,
}
