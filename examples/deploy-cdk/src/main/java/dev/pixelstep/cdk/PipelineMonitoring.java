package dev.pixelstep.cdk;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.AlarmStatusWidget;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.HorizontalAnnotation;
import software.amazon.awscdk.services.cloudwatch.IAlarm;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.IWidget;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.constructs.Construct;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Alarms on everything that means "an upload did not become a SUCCEEDED manifest", and a
 * CloudWatch dashboard with the same metrics:
 *
 * <ul>
 *   <li>the dead-letter queue holds an event (an upload that started no execution);</li>
 *   <li>the rule failed to start an execution ({@code FailedInvocations}) or failed to dead-letter
 *       the event ({@code InvocationsFailedToBeSentToDlq}: the upload is lost);</li>
 *   <li>executions failed ({@code ExecutionsFailed}: every FAILED manifest, a bad image as well as a
 *       fault), timed out, or were throttled ({@code ExecutionThrottled});</li>
 *   <li>a function raised errors, was throttled for 15 minutes in a row (throttling in a burst is
 *       expected and retried; for this long it outlasts the state machine's retries), or ran
 *       longer than {@value PipelineDefaults#DURATION_ALARM_SHARE_OF_TIMEOUT} of its timeout.</li>
 * </ul>
 *
 * <p>Every alarm notifies the SNS topic of {@link PixelstepPipelineProps#alarmTopicArn()} or, with
 * {@link PixelstepPipelineProps#alarmEmail()}, a new topic with that e-mail subscribed; with
 * neither, the alarms only show in the console and on the dashboard.
 */
public final class PipelineMonitoring extends Construct {

    private static final Duration PERIOD = Duration.minutes(5);

    private final List<Alarm> alarms = new ArrayList<>();
    private final Optional<ITopic> topic;
    private final Dashboard dashboard;

    PipelineMonitoring(Construct scope, String id, PixelstepPipeline pipeline, PixelstepPipelineProps props) {
        super(scope, id);
        this.topic = topic(props);

        Metric queued = pipeline.getDeadLetterQueue().metricApproximateNumberOfMessagesVisible(options("Maximum"));
        Metric failedInvocations = ruleMetric(pipeline, "FailedInvocations");
        Metric notDeadLettered = ruleMetric(pipeline, "InvocationsFailedToBeSentToDlq");
        Metric executionsFailed = pipeline.getStateMachine().metricFailed(options("Sum"));
        Metric executionsTimedOut = pipeline.getStateMachine().metricTimedOut(options("Sum"));
        Metric executionsThrottled = pipeline.getStateMachine().metricThrottled(options("Sum"));

        alarm("DeadLetterQueueAlarm", queued, 1, 1,
                "pixelstep: an upload's event is in the dead-letter queue; no execution started for it (see the queue's messages)");
        alarm("RuleFailedInvocationsAlarm", failedInvocations, 1, 1,
                "pixelstep: the rule could not start the state machine for an upload (it retries, then dead-letters the event)");
        alarm("RuleDeadLetterFailedAlarm", notDeadLettered, 1, 1,
                "pixelstep: an event could be neither delivered nor dead-lettered: that upload is lost; upload it again");
        alarm("ExecutionsFailedAlarm", executionsFailed, 1, 1,
                "pixelstep: executions FAILED; each wrote a FAILED manifest with the reason (a bad image, or a fault to look into)");
        alarm("ExecutionsTimedOutAlarm", executionsTimedOut, 1, 1,
                "pixelstep: executions timed out; they wrote no manifest");
        alarm("ExecutionsThrottledAlarm", executionsThrottled, 1, 1,
                "pixelstep: Step Functions throttled state transitions of the pipeline");

        List<IWidget> functionWidgets = new ArrayList<>();
        for (PipelineFunction function : List.of(pipeline.processor(), pipeline.analyser())) {
            String name = function.getNode().getId();
            FunctionSizing sizing = name.equals("Processor") ? props.processor() : props.analyser();
            Metric errors = function.function().metricErrors(options("Sum"));
            Metric throttles = function.function().metricThrottles(options("Sum"));
            Metric duration = function.function().metricDuration(options("Maximum"));
            double nearTimeout = sizing.timeout().toMillis() * PipelineDefaults.DURATION_ALARM_SHARE_OF_TIMEOUT;
            alarm(name + "ErrorsAlarm", errors, 1, 1,
                    "pixelstep: the " + name.toLowerCase(java.util.Locale.ROOT) + " raised errors (see its log group)");
            alarm(name + "ThrottlesAlarm", throttles, 1, 3,
                    "pixelstep: the " + name.toLowerCase(java.util.Locale.ROOT) + " has been throttled for 15 minutes: a burst outlasts the retries; raise its reserved concurrency");
            alarm(name + "DurationAlarm", duration, nearTimeout, 1,
                    "pixelstep: the " + name.toLowerCase(java.util.Locale.ROOT) + " ran longer than " + Math.round(PipelineDefaults.DURATION_ALARM_SHARE_OF_TIMEOUT * 100)
                            + "% of its " + sizing.timeout().toSeconds() + " s timeout; raise its timeout or memory");
            functionWidgets.add(graph(name + ": errors and throttles", List.of(errors, throttles), Optional.empty()));
            functionWidgets.add(graph(name + ": slowest invocation (ms)", List.of(duration), Optional.of(nearTimeout)));
        }

        this.dashboard = Dashboard.Builder.create(this, "Dashboard")
                .defaultInterval(Duration.hours(3))
                .build();
        dashboard.addWidgets(AlarmStatusWidget.Builder.create()
                .title("pixelstep alarms")
                .alarms(List.<IAlarm>copyOf(alarms))
                .width(24)
                .build());
        dashboard.addWidgets(
                graph("Uploads not started: dead-letter queue and rule failures", List.of(queued, failedInvocations, notDeadLettered), Optional.empty()),
                graph("Executions: started, succeeded, failed, timed out, throttled", List.of(
                        pipeline.getStateMachine().metricStarted(options("Sum")),
                        pipeline.getStateMachine().metricSucceeded(options("Sum")),
                        executionsFailed, executionsTimedOut, executionsThrottled), Optional.empty()));
        dashboard.addWidgets(functionWidgets.toArray(IWidget[]::new));
    }

    private static MetricOptions options(String statistic) {
        return MetricOptions.builder().period(PERIOD).statistic(statistic).build();
    }

    private static Metric ruleMetric(PixelstepPipeline pipeline, String name) {
        return Metric.Builder.create()
                .namespace("AWS/Events")
                .metricName(name)
                .dimensionsMap(Map.of("RuleName", pipeline.getRule().getRuleName()))
                .statistic("Sum")
                .period(PERIOD)
                .build();
    }

    private void alarm(String id, Metric metric, double threshold, int periods, String description) {
        Alarm alarm = Alarm.Builder.create(this, id)
                .metric(metric)
                .threshold(threshold)
                .evaluationPeriods(periods)
                .datapointsToAlarm(periods)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .alarmDescription(description)
                .build();
        topic.ifPresent(t -> {
            alarm.addAlarmAction(new SnsAction(t));
            alarm.addOkAction(new SnsAction(t));
        });
        alarms.add(alarm);
    }

    private static GraphWidget graph(String title, List<? extends IMetric> metrics, Optional<Double> limit) {
        GraphWidget.Builder builder = GraphWidget.Builder.create().title(title).left(List.copyOf(metrics)).width(12);
        limit.ifPresent(value -> builder.leftAnnotations(List.of(HorizontalAnnotation.builder().value(value).label("alarm").build())));
        return builder.build();
    }

    private Optional<ITopic> topic(PixelstepPipelineProps props) {
        if (props.alarmTopicArn().isPresent()) {
            return Optional.of(Topic.fromTopicArn(this, "AlarmTopic", props.alarmTopicArn().get()));
        }
        return props.alarmEmail().map(email -> {
            Topic created = Topic.Builder.create(this, "AlarmTopic")
                    .displayName("pixelstep alarms")
                    .enforceSsl(true)
                    .build();
            created.addSubscription(new EmailSubscription(email));
            return created;
        });
    }

    /** Every alarm, in the order they are listed above. */
    public List<Alarm> getAlarms() {
        return List.copyOf(alarms);
    }

    /** The topic the alarms notify, if any. */
    public Optional<ITopic> getTopic() {
        return topic;
    }

    /** The dashboard. */
    public Dashboard getDashboard() {
        return dashboard;
    }
}
