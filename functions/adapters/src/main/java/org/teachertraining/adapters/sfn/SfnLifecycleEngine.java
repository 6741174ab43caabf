package org.teachertraining.adapters.sfn;

import org.teachertraining.adapters.aws.StoredJson;
import org.teachertraining.core.lifecycle.LifecycleEngine;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;

import java.util.ArrayList;

/** The lifecycle engine on Step Functions: one execution per application of a project, named by the project's ID (and the application's number after the first). */
public final class SfnLifecycleEngine implements LifecycleEngine {
    private final SfnClient sfn;
    private final String stateMachineArn;

    public SfnLifecycleEngine(SfnClient sfn, String stateMachineArn) {
        this.sfn = sfn;
        this.stateMachineArn = stateMachineArn;
    }

    /** The engine of the state machine that runs {@code executionArn} ({@code …:execution:<machine>:<name>}). */
    public static SfnLifecycleEngine ofExecution(SfnClient sfn, String executionArn) {
        int name = executionArn.lastIndexOf(':');
        if (!executionArn.contains(":execution:") || name < 0) throw new IllegalArgumentException("not an execution's ARN: " + executionArn);
        return new SfnLifecycleEngine(sfn, executionArn.substring(0, name).replace(":execution:", ":stateMachine:"));
    }

    @Override
    public String start(String name, Object input) {
        try {
            return sfn.startExecution(b -> b.stateMachineArn(stateMachineArn).name(name).input(StoredJson.write(input))).executionArn();
        } catch (ExecutionAlreadyExistsException started) {
            // started before (and perhaps finished): the same execution, by its name
            return stateMachineArn.replace(":stateMachine:", ":execution:") + ":" + name;
        }
    }

    // TaskTimedOut is what Step Functions answers for a token whose task is closed, by timeout or by an
    // earlier SendTaskSuccess/Failure: two people deciding at once, two completions of one project

    @Override
    public boolean succeed(String token, Object output) {
        try {
            sfn.sendTaskSuccess(b -> b.taskToken(token).output(StoredJson.write(output)));
            return true;
        } catch (TaskTimedOutException closed) {
            return false;
        }
    }

    @Override
    public boolean fail(String token, String error, String cause) {
        try {
            sfn.sendTaskFailure(b -> b.taskToken(token).error(error).cause(cause));
            return true;
        } catch (TaskTimedOutException closed) {
            return false;
        }
    }

    @Override
    public boolean heartbeat(String token) {
        try {
            sfn.sendTaskHeartbeat(b -> b.taskToken(token));
            return true;
        } catch (TaskTimedOutException closed) {
            return false;
        }
    }

    @Override
    public void stop(String executionId, String error, String cause) {
        sfn.stopExecution(b -> b.executionArn(executionId).error(error).cause(cause));
    }

    @Override
    public Execution describe(String executionId) {
        var d = sfn.describeExecution(b -> b.executionArn(executionId));
        var states = new ArrayList<Execution.Entered>();
        sfn.getExecutionHistoryPaginator(b -> b.executionArn(executionId).maxResults(1000)).events().forEach(e -> {
            if (e.stateEnteredEventDetails() != null) states.add(new Execution.Entered(e.stateEnteredEventDetails().name(), e.timestamp()));
        });
        return new Execution(d.statusAsString(), d.error(), d.cause(), states);
    }
}
