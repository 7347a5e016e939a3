package dev.pixelstep.asl.definition;

/** One state of a state machine, as parsed and validated. Implementations are immutable. */
public sealed interface State
        permits PassState, TaskState, ChoiceState, WaitState, SucceedState, FailState, ParallelState, MapState {

    /** The state's name. */
    String name();

    /** The state's Comment, or null. */
    String comment();

    /** The Type field's value (Pass, Task, ...). */
    String type();
}
