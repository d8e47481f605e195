#include "stats/Mser.hpp"

#include <stdexcept>

namespace recordflow {

MserResult mser(const std::vector<double>& series, std::size_t batch) {
  if (batch == 0) throw std::invalid_argument("mser: the batch size must be at least 1");
  MserResult result;
  result.batch = batch;
  const std::size_t k = series.size() / batch;
  if (k < 2) {
    result.steady = false;
    return result;
  }
  std::vector<double> means(k, 0.0);
  for (std::size_t j = 0; j < k; ++j) {
    for (std::size_t i = 0; i < batch; ++i) means[j] += series[j * batch + i];
    means[j] /= static_cast<double>(batch);
  }
  // Suffix sums, summed from the end so that each MSER(d) adds the same values in the same order.
  result.statistic.resize(k - 1);
  for (std::size_t d = 0; d + 1 < k; ++d) {
    const auto kept = static_cast<double>(k - d);
    double sum = 0;
    for (std::size_t j = d; j < k; ++j) sum += means[j];
    const double mean = sum / kept;
    double squares = 0;
    for (std::size_t j = d; j < k; ++j) squares += (means[j] - mean) * (means[j] - mean);
    result.statistic[d] = squares / (kept * kept);
  }
  std::size_t best = 0;
  for (std::size_t d = 0; d <= k / 2 && d < result.statistic.size(); ++d)
    if (result.statistic[d] < result.statistic[best]) best = d;
  result.truncation = best * batch;
  result.steady = best < k / 2;
  return result;
}

}  // namespace recordflow
