package org.teachertraining.funding;

import org.teachertraining.adapters.aws.FunctionEnvironment;
import org.teachertraining.adapters.aws.StreamEntry;

import java.util.Map;

/**
 * The Lambda entry point of the funding check (template.yaml's {@code Handler}): the Step Functions task's input read
 * from the bytes Lambda hands over and the answer written back by {@link StreamEntry}, handled by {@link
 * FundingCheckHandler}.
 */
public final class FundingCheckStreamHandler extends StreamEntry<Map<String, Object>, Map<String, Object>> {
    /** As Lambda makes it: the process environment and the system clock. */
    public FundingCheckStreamHandler() {
        this(FunctionEnvironment.lambda());
    }

    /** As the local runtime makes it: the function's own environment. */
    public FundingCheckStreamHandler(FunctionEnvironment environment) {
        super(new FundingCheckHandler(environment), StreamEntry::map);
    }
}
