package pipeline

import (
	"fmt"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"

	// the filesystems inputs and outputs may live on: local paths, gs://
	// (Dataflow), s3:// (Flink and Spark clusters on AWS)
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/gcs"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/s3"
)

// checkScheme returns an error, where Beam would panic, for a path on a
// filesystem this program does not have (hdfs://, say).
func checkScheme(path string) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("%s: %v", path, p)
		}
	}()
	filesystem.ValidateScheme(path)
	return nil
}
