package dev.pixelstep.asl.definition;

import dev.pixelstep.asl.internal.expression.Path;
import dev.pixelstep.asl.internal.expression.PayloadTemplate;

import java.util.List;

/**
 * What makes a Map state Distributed ({@code ProcessorConfig.Mode: DISTRIBUTED}): each item (or batch) runs as a
 * child workflow execution of its own, items may come from S3, failures are tolerated up to a threshold and the
 * results may be written to S3.
 *
 * @param executionType                  {@code STANDARD} or {@code EXPRESS} (the child workflows' type)
 * @param itemReader                     where the items come from, or null for the state input ({@code ItemsPath})
 * @param itemBatcher                    how items are grouped into batches, or null for one item per child
 * @param resultWriter                   the ResultWriter's {@code Parameters} ({@code Bucket}, {@code Prefix}), or null
 * @param toleratedFailurePercentage     ToleratedFailurePercentage (default 0), or null
 * @param toleratedFailurePercentagePath ToleratedFailurePercentagePath, or null
 * @param toleratedFailureCount          ToleratedFailureCount (default 0), or null
 * @param toleratedFailureCountPath      ToleratedFailureCountPath, or null
 * @param label                          Label (names the Map Run and its child executions), or null for the state name
 */
public record DistributedMap(String executionType, ItemReader itemReader, ItemBatcher itemBatcher,
                             PayloadTemplate resultWriter, Double toleratedFailurePercentage,
                             Path toleratedFailurePercentagePath, Integer toleratedFailureCount,
                             Path toleratedFailureCountPath, String label) {

    /** The ItemReader resource that lists objects ({@code Bucket}, {@code Prefix}). */
    public static final String LIST_OBJECTS = "arn:aws:states:::s3:listObjectsV2";
    /** The ItemReader resource that reads one JSON or CSV object ({@code Bucket}, {@code Key}). */
    public static final String GET_OBJECT = "arn:aws:states:::s3:getObject";
    /** The only ResultWriter resource. */
    public static final String PUT_OBJECT = "arn:aws:states:::s3:putObject";

    /**
     * An ItemReader.
     *
     * @param resource             {@link #LIST_OBJECTS} or {@link #GET_OBJECT}
     * @param parameters           its Parameters
     * @param inputType            {@code JSON} or {@code CSV} for {@link #GET_OBJECT}, else null
     * @param csvHeadersInFirstRow CSVHeaderLocation FIRST_ROW (the default) rather than GIVEN
     * @param csvHeaders           CSVHeaders when GIVEN, else empty
     * @param maxItems             ReaderConfig.MaxItems, or null
     * @param maxItemsPath         ReaderConfig.MaxItemsPath, or null
     */
    public record ItemReader(String resource, PayloadTemplate parameters, String inputType,
                             boolean csvHeadersInFirstRow, List<String> csvHeaders, Integer maxItems,
                             Path maxItemsPath) {

        /** Copies the header list. */
        public ItemReader {
            csvHeaders = List.copyOf(csvHeaders);
        }
    }

    /**
     * An ItemBatcher: a batch is {@code {"Items": [...], "BatchInput": {...}}}.
     *
     * @param maxItemsPerBatch          MaxItemsPerBatch, or null
     * @param maxItemsPerBatchPath      MaxItemsPerBatchPath, or null
     * @param maxInputBytesPerBatch     MaxInputBytesPerBatch, or null
     * @param maxInputBytesPerBatchPath MaxInputBytesPerBatchPath, or null
     * @param batchInput                BatchInput, or null
     */
    public record ItemBatcher(Integer maxItemsPerBatch, Path maxItemsPerBatchPath, Integer maxInputBytesPerBatch,
                              Path maxInputBytesPerBatchPath, PayloadTemplate batchInput) {
    }
}
